import { describe, expect, it } from 'vitest';
import { classificationReport, regressionReport } from './evaluate';
import { smallValidationWarning } from './validation-size';

/** A report of `perClass[c]` validation samples of each class, every one predicted right. */
function classes(perClass: readonly number[]) {
  const y: number[] = [];
  perClass.forEach((n, c) => y.push(...Array<number>(n).fill(c)));
  const k = perClass.length;
  const oneHot = new Float32Array(y.flatMap((c) => Array.from({ length: k }, (_, j) => (j === c ? 1 : 0))));
  return classificationReport(
    oneHot,
    k,
    oneHot,
    k,
    perClass.map((_, c) => `c${c}`),
  );
}

describe('smallValidationWarning', () => {
  it('says how little a perfect score on 3 samples means, and which classes are thin', () => {
    const report = classes([1, 1, 1]);
    expect(report.accuracy).toBe(1);
    expect(smallValidationWarning(report)).toBe(
      'Only 3 validation samples: one sample moves the accuracy by 33%, so these figures can swing a lot from run to run. ' +
        'Fewer than 5 validation samples of 3 classes (c0: 1, c1: 1, c2: 1): their precision and recall say little. ' +
        'Use more data or a larger validation share (at least 30 samples, 5 of each class).',
    );
  });

  it('names a thin class, even a missing one, when the total is enough', () => {
    expect(smallValidationWarning(classes([20, 15, 0]))).toBe(
      'Fewer than 5 validation samples of a class (c2: 0): its precision and recall say little. Use more data or a larger validation share (at least 30 samples, 5 of each class).',
    );
  });

  it('says nothing from 30 samples with 5 of each class', () => {
    expect(smallValidationWarning(classes([10, 10, 10]))).toBeNull();
    expect(smallValidationWarning(classes([25, 5]))).toBeNull();
  });

  it('counts a regression by its samples', () => {
    const y = Float32Array.from({ length: 12 }, (_, i) => i);
    expect(smallValidationWarning(regressionReport(y, y))).toMatch(/^Only 12 validation samples: the error figures rest on very few/);
    const many = Float32Array.from({ length: 30 }, (_, i) => i);
    expect(smallValidationWarning(regressionReport(many, many))).toBeNull();
  });
});
