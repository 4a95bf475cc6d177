/**
 * Whether a validation set is too small for its figures to mean much, in words: a handful of
 * samples makes a 100% accuracy luck as much as skill, and one sample more or less moves it by
 * 1/n. The thresholds are rules of thumb, said in the message.
 */
import type { ClassificationReport, RegressionReport } from './evaluate';

/** Fewer validation samples than this: the panel says the figures can swing. */
export const MIN_VALIDATION_SAMPLES = 30;

/** Fewer validation samples of a class than this: its precision and recall say little. */
export const MIN_VALIDATION_PER_CLASS = 5;

const samples = (n: number) => `${n} validation sample${n === 1 ? '' : 's'}`;

/**
 * What is too small about the validation set a report scored, or null when it is big enough:
 * fewer than {@link MIN_VALIDATION_SAMPLES} samples, or (classes) fewer than
 * {@link MIN_VALIDATION_PER_CLASS} of some class.
 */
export function smallValidationWarning(report: ClassificationReport | RegressionReport): string | null {
  const count = report.kind === 'classification' ? report.classes.reduce((n, c) => n + c.support, 0) : report.count;
  const parts: string[] = [];
  if (count < MIN_VALIDATION_SAMPLES) {
    const what =
      report.kind === 'classification' ? `one sample moves the accuracy by ${Math.round(100 / Math.max(count, 1))}%` : 'the error figures rest on very few';
    parts.push(`Only ${samples(count)}: ${what}, so these figures can swing a lot from run to run.`);
  }
  if (report.kind === 'classification') {
    const few = report.classes.filter((c) => c.support < MIN_VALIDATION_PER_CLASS);
    if (few.length > 0) {
      const shown = few.slice(0, 5).map((c) => `${c.name}: ${c.support}`);
      const more = few.length > 5 ? ` and ${few.length - 5} more` : '';
      parts.push(
        `Fewer than ${MIN_VALIDATION_PER_CLASS} validation samples of ${few.length === 1 ? 'a class' : `${few.length} classes`} (${shown.join(', ')}${more}): ${few.length === 1 ? 'its' : 'their'} precision and recall say little.`,
      );
    }
  }
  if (parts.length === 0) return null;
  return `${parts.join(' ')} Use more data or a larger validation share (at least ${MIN_VALIDATION_SAMPLES} samples, ${MIN_VALIDATION_PER_CLASS} of each class).`;
}
