// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { trainer } from '../services';
import { useStore } from '../store/store';
import { BackendPanel } from './backend-panel';

const s = () => useStore.getState();
const NO_ADAPTER = { name: 'webgpu', error: 'this browser has no WebGPU adapter (no usable GPU)' };

beforeEach(() => {
  useStore.setState({ run: null, backendChoice: 'webgpu', backend: null, backendFailed: null });
  vi.spyOn(trainer, 'restart').mockImplementation(() => undefined);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('BackendPanel', () => {
  it('says which wasm build trains: its threads, or none for the single-threaded one', () => {
    render(<BackendPanel />);
    expect(screen.getByTestId('backend').textContent).toBe('Choosing a backend…');
    act(() => useStore.setState({ backend: { name: 'wasm', reason: 'threaded, 4 threads for 8 cores', threads: 4 } }));
    expect(screen.getByTestId('backend').textContent).toBe('Training on wasm, 4 threads: threaded, 4 threads for 8 cores');
    act(() => useStore.setState({ backend: { name: 'wasm', reason: 'r', threads: 1 } }));
    expect(screen.getByTestId('backend-threads').textContent).toBe(', 1 thread');
    // Other backends have no threads to tell.
    act(() => useStore.setState({ backend: { name: 'cpu', reason: 'plain JavaScript' } }));
    expect(screen.getByTestId('backend').textContent).toBe('Training on cpu: plain JavaScript');
  });

  it('says why the chosen backend could not start, and offers the one that runs', () => {
    render(<BackendPanel />);
    act(() => s().setBackend({ name: 'wasm', reason: 'wasm with SIMD: the fastest CPU backend' }, [NO_ADAPTER]));
    // A later message (a per-model check) keeps what was said about the choice.
    act(() => s().setBackend({ name: 'wasm', reason: 'checked' }, []));
    expect(screen.getByTestId('backend-failed').textContent).toBe(
      'WebGPU could not start: this browser has no WebGPU adapter (no usable GPU). Training on wasm instead.Use wasm',
    );
    fireEvent.click(screen.getByTestId('backend-fallback'));
    expect(s().backendChoice).toBe('wasm');
    expect(trainer.restart).toHaveBeenCalledTimes(1);
    expect(screen.queryByTestId('backend-failed')).toBeNull();
  });

  it('says nothing of a backend that was not chosen', () => {
    useStore.setState({ backendChoice: 'auto' });
    render(<BackendPanel />);
    act(() => s().setBackend({ name: 'wasm', reason: 'fine' }, [NO_ADAPTER]));
    expect(screen.queryByTestId('backend-failed')).toBeNull();
  });
});
