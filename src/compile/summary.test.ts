import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import { digitsCnn, residualBlock, seedExample } from '../analysis/templates';
import { formatBytes, formatSummary, summarize, summaryJson } from './summary';

const summaryOf = (graph: ReturnType<typeof seedExample>, name = 'model') => summarize(graph, analyze(graph), name);

describe('summary', () => {
  it('prints the seed example like Keras prints a Sequential model', () => {
    expect(formatSummary(summaryOf(seedExample(4, 3), 'seed'))).toBe(
      [
        'Model: "seed"',
        '_'.repeat(68),
        ' Layer (type)                 Output Shape              Param #',
        '='.repeat(68),
        ' dense_1 (Dense)              (None, 64)                320',
        '',
        ' dense_2 (Dense)              (None, 3)                 195',
        '='.repeat(68),
        'Total params: 515 (2.01 KB)',
        'Trainable params: 515 (2.01 KB)',
        'Non-trainable params: 0 (0.00 B)',
        '_'.repeat(68),
      ].join('\n'),
    );
  });

  it('adds Connected to for a DAG and lists both inputs of a merge', () => {
    const text = formatSummary(summaryOf(residualBlock()));
    expect(text).toContain('Connected to');
    expect(text).toMatch(/ input_1 \(InputLayer\)\s+\(None, 32, 32, 3\)\s+0\n/);
    expect(text).toMatch(/ add_1 \(Add\)\s+\(None, 32, 32, 16\)\s+0\s+conv2d_1\[0\]\[0\]\n\s+conv2d_3\[0\]\[0\]/);
  });

  it('gives the --json form with class names, shapes and totals', () => {
    const json = summaryJson(summaryOf(digitsCnn()));
    expect(json.layers[0]).toEqual({ name: 'input_1', class_name: 'InputLayer', output_shape: [null, 28, 28, 1], params: 0 });
    expect(json.layers.at(-1)).toEqual({ name: 'dense_2', class_name: 'Dense', output_shape: [null, 10], params: 650 });
    expect(json.total_params).toBe(json.trainable_params + json.non_trainable_params);
  });

  it.each([
    [0, '0.00 B'],
    [256, '1.00 KB'],
    [1_000_000, '3.81 MB'],
  ])('formats %i params as %s', (n, text) => expect(formatBytes(n)).toBe(text));
});
