import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from './csv';
import type { CsvResponse } from './csv-protocol';
import { defaultPlan } from './plan';
import { prepareFromTable } from './prepare';
import { fitPreprocessing } from './preprocess';
import { createTableService } from './table-service';
import type { TableService } from './table-service';
import type { DataPlan } from './types';

const IRIS = readFileSync(new URL('../../public/samples/iris.csv', import.meta.url), 'utf8');

/** Runs one request and returns what the service posted, with the buffers it transferred. */
async function ask(service: TableService, request: Parameters<TableService['handle']>[0]) {
  const posted: { message: CsvResponse; transfer: ArrayBuffer[] }[] = [];
  await service.handle(request, (message, transfer = []) => posted.push({ message, transfer }));
  return posted;
}

async function parsed(service: TableService, id: number, text = IRIS, fileName = 'iris.csv') {
  const posted = await ask(service, { type: 'parse', id, file: new Blob([text]), fileName });
  const last = posted[posted.length - 1];
  if (last?.message.type !== 'done') throw new Error(`parse failed: ${JSON.stringify(last?.message)}`);
  return { ...last, message: last.message };
}

describe('the table service (the table worker, in Node)', () => {
  it('reads a CSV, keeps it, and sends the page its outline (no cells) with its default plan', async () => {
    const service = createTableService();
    const { message, transfer } = await parsed(service, 1);
    const expected = parseCsvText(IRIS, 'iris.csv');
    expect(message.table.rowCount).toBe(150);
    expect(message.table.columns).toEqual(expected.columns.map((c) => ({ kind: c.kind, name: c.name })));
    expect(message.table.summaries).toEqual(expected.summaries);
    expect(message.table.preview).toEqual(expected.preview);
    expect(message.plan).toEqual(defaultPlan(expected));
    // The cells stay in the worker: nothing of the columns crosses to the page.
    expect(transfer ?? []).toHaveLength(0);
    expect(JSON.stringify(message).length).toBeLessThan(20_000);
    expect(service.size).toBe(1);
    const [fitted] = await ask(service, { type: 'fit', id: 2, tableId: 1, plan: message.plan });
    expect(fitted?.message).toEqual({ type: 'fitted', id: 2, result: { ok: true, fitted: fitPreprocessing(expected, message.plan), text: null } });
  });

  it("reports a text feature's vocabulary, lengths and validation OOV beside the fit, off the page", async () => {
    const service = createTableService();
    const text = ['review,label', ...Array.from({ length: 40 }, (_, i) => `${i % 2 ? 'a good film' : 'a dull film'} number ${i} here,${i % 2}`)].join('\n');
    const { message } = await parsed(service, 1, text, 'reviews.csv');
    expect(message.plan.columns[0]?.transform).toBe('text');
    const [answer] = await ask(service, { type: 'fit', id: 2, tableId: 1, plan: message.plan });
    const result = answer?.message.type === 'fitted' ? answer.message.result : undefined;
    expect(result?.ok).toBe(true);
    if (!result?.ok) return;
    expect(result.text).toMatchObject({ column: 'review', sequenceLength: message.plan.columns[0]?.text?.outputSequenceLength });
    // Numbers seen only in validation rows are out of vocabulary there.
    expect(result.text?.validationOov.share).toBeGreaterThan(0);
    // Four words in every row tie for the top, in Keras's tie order.
    expect(new Set(result.text?.summary.topTokens.slice(0, 4).map((t) => t.token))).toEqual(new Set(['a', 'film', 'number', 'here']));
  });

  it("says why a plan cannot be fitted, in the user's words", async () => {
    const service = createTableService();
    const { message } = await parsed(service, 1);
    const noTarget: DataPlan = { ...message.plan, columns: message.plan.columns.map((c) => ({ ...c, role: c.role === 'target' ? 'ignore' : c.role })) };
    const [answer] = await ask(service, { type: 'fit', id: 2, tableId: 1, plan: noTarget });
    expect(answer?.message).toEqual({ type: 'fitted', id: 2, result: { ok: false, problem: 'choose a target column' } });
  });

  it('makes the same samples as prepareFromTable, transferring each buffer once', async () => {
    const service = createTableService();
    const { message } = await parsed(service, 1);
    const table = parseCsvText(IRIS, 'iris.csv');
    const fitted = fitPreprocessing(table, message.plan);
    const [answer] = await ask(service, { type: 'prepare', id: 2, tableId: 1, plan: message.plan, fitted });
    if (answer?.message.type !== 'prepared') throw new Error(JSON.stringify(answer?.message));
    expect(answer.message.split).toEqual(prepareFromTable(table, message.plan, fitted));
    expect(new Set(answer.transfer).size).toBe(4);
  });

  it('uses a separate validation file it holds, through the same fitted transform', async () => {
    const service = createTableService();
    const train = await parsed(service, 1);
    const lines = IRIS.trimEnd().split('\n');
    const held = [lines[0], ...lines.slice(1).filter((_, i) => i % 5 === 0)].join('\n');
    await parsed(service, 2, held, 'held.csv');
    const plan: DataPlan = { ...train.message.plan, split: { kind: 'file', fileName: 'held.csv' } };
    const fitted = fitPreprocessing(parseCsvText(IRIS), plan);
    const [answer] = await ask(service, { type: 'prepare', id: 3, tableId: 1, plan, fitted, validationTableId: 2 });
    if (answer?.message.type !== 'prepared') throw new Error(JSON.stringify(answer?.message));
    expect(answer.message.split.train.count).toBe(150);
    expect(answer.message.split.validation.count).toBe(30);
  });

  it('reports a bad file with its message and keeps nothing', async () => {
    const service = createTableService();
    const posted = await ask(service, { type: 'parse', id: 1, file: new Blob(['a,b\n1,2\n3\n']), fileName: 'bad.csv' });
    expect(posted.at(-1)?.message).toEqual({ type: 'error', id: 1, message: 'bad.csv: row 3 has 1 value but the header has 2 columns' });
    expect(service.size).toBe(0);
  });

  it.each([
    {
      name: 'a 30 MB line',
      text: () => 'a,'.repeat(15 * 1024 * 1024),
      message:
        'one-line.csv: line 1 is longer than 1,000,000 characters, the limit for one line; a CSV has one row per line, so check that this is a CSV file with a line break after each row',
    },
    {
      name: '10,000 columns',
      text: () => `${Array.from({ length: 10_000 }, (_, j) => `c${j}`).join(',')}\n${'1,'.repeat(9999)}1\n`,
      message:
        'one-line.csv: the file has 10,000 columns (line 1), over the limit of 2,000; remove the columns you do not need (in a spreadsheet, or with pandas) and try again',
    },
  ])('refuses $name quickly, as the CLI does', async ({ text, message }) => {
    const service = createTableService();
    const started = performance.now();
    const posted = await ask(service, { type: 'parse', id: 1, file: new Blob([text()]), fileName: 'one-line.csv' });
    expect(posted.at(-1)?.message).toEqual({ type: 'error', id: 1, message });
    expect(performance.now() - started).toBeLessThan(5000);
    expect(service.size).toBe(0);
  });

  it('forgets a released table, and says so if it is asked for again', async () => {
    const service = createTableService();
    const { message } = await parsed(service, 1);
    await ask(service, { type: 'release', tableId: 1 });
    expect(service.size).toBe(0);
    const [answer] = await ask(service, { type: 'fit', id: 2, tableId: 1, plan: message.plan });
    expect(answer?.message).toEqual({ type: 'error', id: 2, message: 'the file is no longer in memory; choose it again' });
  });
});
