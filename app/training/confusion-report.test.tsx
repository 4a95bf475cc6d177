// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { classificationReport } from '../../src/train/evaluate';
import { ConfusionReport } from './confusion-report';

afterEach(cleanup);

describe('ConfusionReport', () => {
  it('shows a 1,000-class report without overflowing the stack, the most frequent classes in the matrix', () => {
    const k = 1000;
    const n = 3000;
    const y = new Float32Array(n).map((_, i) => (i < 600 ? 7 : i % k));
    const outputs = new Float32Array(n * k);
    for (let i = 0; i < n; i += 1) outputs[i * k + ((i * 7) % k)] = 1;
    const report = classificationReport(
      y,
      1,
      outputs,
      k,
      Array.from({ length: k }, (_, c) => `class_${c}`),
    );
    render(<ConfusionReport report={report} />);
    expect(screen.getByTestId('confusion-subset').textContent).toBe('The matrix shows the 25 of 1,000 classes with the most validation samples.');
    const matrix = screen.getByTestId('confusion-matrix');
    expect(matrix.querySelectorAll('tbody tr')).toHaveLength(25);
    expect(matrix.textContent).toContain('class_7');
  });
});
