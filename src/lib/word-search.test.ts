import { describe, expect, it } from 'vitest';
import { EXACT_NAME, matchItem, searchItems, stem } from './word-search';

const item = (name: string, terms: [string, number, string][] = [], description = '') => ({
  name,
  terms: terms.map(([text, weight, why]) => ({ text, weight, why })),
  description,
});

describe('word search', () => {
  it('strips common endings, but never below four letters', () => {
    expect(stem('regularization')).toBe('regular');
    expect(stem('regularizer')).toBe('regular');
    expect(stem('normalization')).toBe('normal');
    expect(stem('images')).toBe('imag');
    expect(stem('pooling')).toBe('pool');
    expect(stem('uses')).toBe('uses');
    expect(stem('dense')).toBe('dense');
  });

  it('scores the exact name, then the name, then the best term, then the description', () => {
    const dense = item(
      'Dense',
      [
        ['relu', 140, 'activation: relu'],
        ['fully connected', 150, 'keyword: fully connected'],
      ],
      'Every output unit sees every input.',
    );
    expect(matchItem(dense, 'dense')).toEqual({ score: EXACT_NAME, why: [] });
    expect(matchItem(dense, 'den')).toEqual({ score: 300, why: [] });
    expect(matchItem(dense, 'relu')).toEqual({ score: 140, why: ['activation: relu'] });
    expect(matchItem(dense, 'connect')).toEqual({ score: 120, why: ['keyword: fully connected'] });
    expect(matchItem(dense, 'fully connected')).toEqual({ score: 300, why: ['keyword: fully connected'] });
    expect(matchItem(dense, 'sees')).toEqual({ score: 40, why: ['in its description'] });
    expect(matchItem(dense, 'relu image')).toBeUndefined();
    expect(matchItem(dense, '')).toEqual({ score: 1, why: [] });
  });

  it('meets a query word by its stem at a lower score', () => {
    const dropout = item('Dropout', [['regularizer', 90, 'parameter: kernel_l1']]);
    expect(matchItem(dropout, 'regularization')).toEqual({ score: 40, why: ['parameter: kernel_l1'] });
  });

  it('lists matches best first, ties in list order', () => {
    const items = [item('B', [['x', 100, 'x']]), item('A', [['x', 100, 'x']]), item('X')];
    expect(searchItems(items, 'x').map((r) => r.item.name)).toEqual(['X', 'B', 'A']);
  });
});
