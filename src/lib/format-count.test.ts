import { describe, expect, it } from 'vitest';
import { formatCount } from './format-count';

describe('formatCount', () => {
  it('groups thousands the way Keras prints its summary', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(8_000_000_003)).toBe('8,000,000,003');
    expect(formatCount(1234.5)).toBe('1,234.5');
    expect(formatCount(-2500)).toBe('-2,500');
  });
});
