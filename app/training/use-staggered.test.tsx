// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { StaggerContext } from './stagger-context';
import { createStaggerQueue } from './stagger-queue';
import { useStaggered } from './use-staggered';

afterEach(cleanup);

function Shown({ value }: { value: string }) {
  const mounted = useStaggered(true, false);
  const shown = useStaggered(value, 'empty');
  return <p data-testid="shown">{mounted ? shown : 'not mounted'}</p>;
}

describe('useStaggered', () => {
  it('starts at the placeholder and draws the value, then each change, one task at a time', () => {
    const tasks: (() => void)[] = [];
    const queue = createStaggerQueue((run) => tasks.push(run));
    const runNext = () => act(() => tasks.shift()?.());
    const { rerender } = render(
      <StaggerContext value={queue}>
        <Shown value="a" />
      </StaggerContext>,
    );
    expect(screen.getByTestId('shown').textContent).toBe('not mounted');
    runNext();
    expect(screen.getByTestId('shown').textContent).toBe('empty');
    runNext();
    expect(screen.getByTestId('shown').textContent).toBe('a');
    rerender(
      <StaggerContext value={queue}>
        <Shown value="b" />
      </StaggerContext>,
    );
    expect(screen.getByTestId('shown').textContent).toBe('a');
    runNext();
    expect(screen.getByTestId('shown').textContent).toBe('b');
    expect(tasks).toHaveLength(0);
  });

  it('draws at once without a queue', () => {
    render(<Shown value="a" />);
    expect(screen.getByTestId('shown').textContent).toBe('a');
  });
});
