// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from './error-boundary';

afterEach(cleanup);

describe('ErrorBoundary', () => {
  it('shows what broke in its panel only, and a way back that renders the panel again', () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let broken = true;
    function Panel() {
      if (broken) throw new Error('Maximum call stack size exceeded');
      return <p>panel content</p>;
    }
    render(
      <>
        <ErrorBoundary area="the evaluation">
          <Panel />
        </ErrorBoundary>
        <p>the rest of the editor</p>
      </>,
    );
    expect(screen.getByTestId('error-boundary').textContent).toContain('Something went wrong in the evaluation: Maximum call stack size exceeded');
    expect(screen.getByText('the rest of the editor')).toBeTruthy();
    expect(quiet).toHaveBeenCalled();
    broken = false;
    fireEvent.click(screen.getByRole('button', { name: 'Show the evaluation again' }));
    expect(screen.getByText('panel content')).toBeTruthy();
    expect(screen.queryByTestId('error-boundary')).toBeNull();
    quiet.mockRestore();
  });
});
