// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useStore } from '../store/store';
import { INSIGHT_HELP, InsightSettings } from './insight-settings';

beforeEach(() => useStore.setState({ insightOn: true, run: null }));
afterEach(cleanup);

describe('InsightSettings', () => {
  it('turns the views inside the network on and off, saying in one line what they are', () => {
    render(<InsightSettings />);
    const toggle = screen.getByLabelText('Look inside while training') as HTMLInputElement;
    expect(toggle.checked).toBe(true);
    expect(document.getElementById(toggle.getAttribute('aria-describedby') ?? '')?.textContent).toBe(INSIGHT_HELP);
    fireEvent.click(toggle);
    expect(useStore.getState().insightOn).toBe(false);
    expect(toggle.checked).toBe(false);
    fireEvent.click(toggle);
    expect(useStore.getState().insightOn).toBe(true);
  });
});
