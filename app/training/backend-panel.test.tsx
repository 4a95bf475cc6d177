// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useStore } from '../store/store';
import { BackendPanel } from './backend-panel';

beforeEach(() => {
  useStore.setState({ run: null, backend: null });
});
afterEach(cleanup);

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
});
