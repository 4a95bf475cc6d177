import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import { applyFix } from '../analysis/ops';
import { lstmTextClassifier, seedExample } from '../analysis/templates';
import { emptyProject, parseProjectFile, serializeProject } from '../project/project-file';
import { parseCsvText } from './csv';
import { checkPlan, defaultPlan } from './plan';
import { prepareFromTable } from './prepare';
import { featureOffset, fitPreprocessing, transformRow, transformTable } from './preprocess';
import { signatureOfPlan } from './signature';
import { tokenSequence } from './text';
import { sentenceStats, textFeatureOf, vocabularyOf } from './text-column';
import type { ColumnPlan, DataPlan, FittedFeature } from './types';
import { dataDiagnostics, wireModel } from './wiring';

const GOOD = ['good', 'great', 'fine', 'lovely', 'nice'];
const BAD = ['bad', 'awful', 'poor', 'dull', 'grim'];

/** A review CSV: class 1 sentences hold a good word, class 0 a bad one, with a short category and a number. */
function reviewsCsv(rows: number): string {
  const lines = ['review,colour,label'];
  for (let i = 0; i < rows; i++) {
    const label = i % 2;
    const word = (label === 1 ? GOOD : BAD)[i % 5] as string;
    lines.push(`"the film number ${i} was ${word}, really ${word}",${['red', 'blue'][i % 2] as string},${label}`);
  }
  return `${lines.join('\n')}\n`;
}

const edit = (plan: DataPlan, name: string, change: Partial<ColumnPlan>): DataPlan => ({
  ...plan,
  columns: plan.columns.map((c) => (c.name === name ? { ...c, ...change } : c)),
});
const textFeature = (features: readonly FittedFeature[]) => features.find((f) => f.kind === 'text') as Extract<FittedFeature, { kind: 'text' }>;

describe('text columns in the default plan', () => {
  it('makes a sentence column the text feature, with the 95th-percentile length', () => {
    const table = parseCsvText(
      'review,label\n' +
        reviewsCsv(40)
          .split('\n')
          .slice(1)
          .map((l) => l.replace(/,(red|blue),/, ','))
          .join('\n'),
      'r.csv',
    );
    const plan = defaultPlan(table);
    expect(plan.columns[0]).toEqual({
      name: 'review',
      role: 'feature',
      transform: 'text',
      missing: 'zero',
      text: { standardize: 'lower_and_strip_punctuation', split: 'whitespace', maxTokens: 10_000, outputSequenceLength: 8 },
    });
    expect(checkPlan(table, plan)).toBeNull();
  });

  it('keeps a short categorical string column one-hot, and ignores sentences beside other features', () => {
    const table = parseCsvText(reviewsCsv(40), 'r.csv');
    const plan = defaultPlan(table);
    expect(plan.columns.map((c) => [c.name, c.role, c.transform])).toEqual([
      ['review', 'ignore', 'none'],
      ['colour', 'feature', 'onehot'],
      ['label', 'target', 'none'],
    ]);
  });

  it('a few repeated sentences are text, not a one-hot of whole sentences', () => {
    const rows = Array.from({ length: 12 }, (_, i) => `the cat sat on mat ${i % 6},${i % 2}`);
    const table = parseCsvText(`s,y\n${rows.join('\n')}\n`, 's.csv');
    expect(table.summaries[0]?.type).toBe('categorical');
    expect(sentenceStats(table.columns[0]!, table.rowCount)).toEqual({ meanTokens: 6, p95Tokens: 6, distinctShare: 0.5 });
    expect(defaultPlan(table).columns[0]?.transform).toBe('text');
  });
});

describe('fitting and vectorizing a text column', () => {
  const table = parseCsvText(reviewsCsv(50), 'r.csv');
  const plan = edit(edit(defaultPlan(table), 'colour', { role: 'ignore' }), 'review', {
    role: 'feature',
    transform: 'text',
    missing: 'zero',
    text: { standardize: 'lower_and_strip_punctuation', split: 'whitespace', maxTokens: null, outputSequenceLength: 5 },
  });

  it('refuses a second text column, or a text column beside other features', () => {
    const two = parseCsvText('a,b,y\nx y z,p q r,0\nu v w,s t u,1\n', 't.csv');
    const textPlan: Partial<ColumnPlan> = { role: 'feature', transform: 'text' };
    const both = edit(edit(defaultPlan(two), 'a', textPlan), 'b', textPlan);
    expect(checkPlan(two, both)).toBe('only one text column can be a feature, but "a" and "b" both are; set the others to ignore');
    expect(checkPlan(table, edit(plan, 'colour', { role: 'feature' }))).toMatch(/^the text column "review" must be the only feature .* "colour" is one too/);
  });

  it('learns the vocabulary from the training rows only: a number only in validation rows is OOV', () => {
    const fitted = fitPreprocessing(table, plan);
    const { vocabulary } = textFeature(fitted.features).vectorizer;
    const split = prepareFromTable(table, plan, fitted);
    expect(split.train.count).toBe(40);
    expect(split.validation.count).toBe(10);
    // Each row holds its own number (the 4th token); training numbers are known, validation ones never.
    const known = (ds: typeof split.train) => Array.from({ length: ds.count }, (_, r) => ds.x[r * 5 + 3]);
    expect(known(split.train).every((id) => (id as number) > 1)).toBe(true);
    expect(known(split.validation).every((id) => id === 1)).toBe(true);
    const numbers = vocabulary.filter((t) => /^\d+$/.test(t));
    expect(numbers).toHaveLength(40);
  });

  it('gives x of outputSequenceLength token ids per row, padded and cut', () => {
    const fitted = fitPreprocessing(table, edit(plan, 'review', { text: { ...plan.columns[0]!.text!, outputSequenceLength: 12 } }));
    expect(fitted.featureNames.slice(0, 2)).toEqual(['review[0]', 'review[1]']);
    const split = prepareFromTable(table, plan, fitPreprocessing(table, plan));
    expect(split.train.featureShape).toEqual([5]);
    const row = transformRow({ review: 'The film, was GOOD!' }, fitted);
    expect(row).toHaveLength(12);
    const { vocabulary } = textFeature(fitted.features).vectorizer;
    expect(Array.from(row.slice(0, 5))).toEqual([
      vocabulary.indexOf('the'),
      vocabulary.indexOf('film'),
      vocabulary.indexOf('was'),
      vocabulary.indexOf('good'),
      0,
    ]);
  });

  it("shows try-it the tokens training gives the model: a table row's ids, and a new sentence's with its unknown words", () => {
    const fitted = fitPreprocessing(table, plan);
    const feature = textFeatureOf(fitted);
    if (feature === undefined) throw new Error('no text feature');
    expect(featureOffset(fitted, 'review')).toBe(0);
    const x = transformTable(table, fitted, plan).x;
    const first = tokenSequence('the film number 0 was bad, really bad', vocabularyOf(feature));
    expect(Array.from(first.ids)).toEqual(Array.from(x.slice(0, 5)));
    const typed = 'The film was SUPERB!! Really';
    const seq = tokenSequence(typed, vocabularyOf(feature));
    expect(seq.tokens.map((t) => [t.token, t.oov])).toEqual([
      ['the', false],
      ['film', false],
      ['was', false],
      ['superb', true],
      ['really', false],
    ]);
    expect(Array.from(seq.ids)).toEqual(Array.from(transformRow({ review: typed }, fitted)));
    expect(textFeatureOf({ ...fitted, features: [] })).toBeUndefined();
    expect(() => featureOffset(fitted, 'colour')).toThrow('the fitted preprocessing has no feature "colour"');
  });

  it('wires a model: the Input takes the sequence, an Embedding must cover the vocabulary', () => {
    const fitted = fitPreprocessing(table, plan);
    const sig = signatureOfPlan(plan, fitted);
    const size = textFeature(fitted.features).vectorizer.vocabulary.length;
    expect(sig).toMatchObject({ featureShape: [5], text: { column: 'review', vocabularySize: size } });
    const dense = seedExample(5, 2);
    expect(dataDiagnostics(dense, analyze(dense), sig).map((d) => d.code)).toContain('data-text-needs-embedding');
    const small = lstmTextClassifier(10, 5, 2);
    const [d] = dataDiagnostics(small, analyze(small), sig);
    expect(d).toMatchObject({ code: 'data-embedding-too-small', severity: 'error', fix: { kind: 'set-param', param: 'input_dim', value: size } });
    const fixed = applyFix(small, d!.fix!);
    expect(fixed.ok && dataDiagnostics(fixed.graph, analyze(fixed.graph), sig)).toEqual([]);
    const unwired = lstmTextClassifier(10, 99, 2);
    const wired = wireModel(unwired, analyze(unwired), sig);
    expect(dataDiagnostics(wired, analyze(wired), sig)).toEqual([]);
  });

  it('saves the plan and the fitted vocabulary in the project and reads them back', () => {
    const fitted = fitPreprocessing(table, plan);
    const project = { ...emptyProject('text'), data: { kind: 'csv' as const, fileName: 'r.csv', plan, fitted } };
    const back = parseProjectFile(serializeProject(project));
    expect(back.data).toEqual(project.data);
  });
});
