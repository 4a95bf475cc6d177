import { describe, expect, it } from 'vitest';
import type { CsvRequest, CsvResponse } from '../../src/data/csv-protocol';
import { parseCsvText } from '../../src/data/csv';
import { defaultPlan } from '../../src/data/plan';
import { createCsvClient } from './csv-client';
import { FakeWorker } from './fake-worker-test-support';

const table = parseCsvText('a,b\n1,x\n2,y\n', 't.csv');
const plan = defaultPlan(table);

function setup() {
  const workers: FakeWorker<CsvRequest, CsvResponse>[] = [];
  const client = createCsvClient(() => {
    const w = new FakeWorker<CsvRequest, CsvResponse>();
    workers.push(w);
    return w;
  });
  return { client, workers, worker: (i: number) => workers[i] as FakeWorker<CsvRequest, CsvResponse> };
}

describe('createCsvClient', () => {
  it('starts no worker until asked, parses with progress, and keeps the table under the request id', async () => {
    const { client, workers, worker } = setup();
    expect(workers).toHaveLength(0);
    const progress: (number | null)[] = [];
    const parsed = client.parse(new File(['a,b'], 't.csv'), (p) => progress.push(p));
    const request = worker(0).sent[0]?.message as Extract<CsvRequest, { type: 'parse' }>;
    expect(request).toMatchObject({ type: 'parse', fileName: 't.csv' });
    worker(0).reply({ type: 'progress', id: request.id, bytesRead: 5, totalBytes: 10 });
    worker(0).reply({ type: 'progress', id: request.id, bytesRead: 5, totalBytes: null });
    worker(0).reply({ type: 'done', id: request.id + 99, table, plan });
    worker(0).reply({ type: 'done', id: request.id, table, plan });
    expect(await parsed).toEqual({ tableId: request.id, table, plan });
    expect(progress).toEqual([0.5, null]);
    expect(worker(0).listening).toBe(0);
  });

  it("rejects with the worker's message for a bad plan, and releases tables without waiting", async () => {
    const { client, worker } = setup();
    const fit = client.fit(3, plan);
    const request = worker(0).sent[0]?.message as Extract<CsvRequest, { type: 'fit' }>;
    worker(0).reply({ type: 'error', id: request.id, message: 'no target column' });
    await expect(fit).rejects.toThrow('no target column');
    client.release(3);
    expect(worker(0).sent.at(-1)?.message).toEqual({ type: 'release', tableId: 3 });
  });

  it('fails every request in flight when the worker crashes, and the next request starts a new one', async () => {
    const { client, workers, worker } = setup();
    const fit = client.fit(1, plan);
    const prepare = client.prepare(1, plan, { features: [], target: { name: 'b', kind: 'classification', classes: ['x', 'y'], encoding: 'onehot' } } as never);
    worker(0).crash('out of memory');
    await expect(fit).rejects.toThrow('The CSV reader stopped unexpectedly (out of memory); choose the file again');
    await expect(prepare).rejects.toThrow('out of memory');
    void client.fit(1, plan).catch(() => {});
    expect(workers).toHaveLength(2);
  });
});
