import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { metricNames, runsToCsv } from './runs-csv';
import { sampleRun } from './run-test-support';

describe('runsToCsv', () => {
  it('writes one row per run per epoch with every metric as a column', () => {
    const a = sampleRun();
    const b = sampleRun({}, { id: 'r2', name: 'Run 2', epochs: [{ loss: 2, mae: 0.5 }] });
    const csv = runsToCsv([a, b]);
    expect(csv.split('\n').slice(0, 3)).toEqual([
      'run,name,epoch,loss,accuracy,mae,val_loss,val_accuracy',
      'r1,Run 1,1,1.1,0.4,,1,0.5',
      'r1,Run 1,2,0.8,0.6,,0.7,0.7',
    ]);
    expect(csv.split('\n')[4]).toBe('r2,Run 2,1,2,,0.5,,');
    expect(csv.endsWith('\n')).toBe(true);
    expect(metricNames([a, b])).toEqual(['loss', 'accuracy', 'mae', 'val_loss', 'val_accuracy']);
  });

  it("numbers a continued run's epochs on from the run it went on from", () => {
    const run = sampleRun({}, { epochs: [{ loss: 1 }, { loss: 0.5 }], initialEpoch: 4 });
    expect(runsToCsv([run]).split('\n').slice(1, 3)).toEqual(['r1,Run 1,5,1', 'r1,Run 1,6,0.5']);
  });

  it('puts training metrics before validation ones, whatever order they were logged in', () => {
    const run = sampleRun({}, { epochs: [{ val_loss: 1, val_accuracy: 0.5, loss: 2, accuracy: 0.4, lr: 0.1 }] });
    expect(metricNames([run])).toEqual(['loss', 'accuracy', 'lr', 'val_loss', 'val_accuracy']);
  });

  it('quotes names with commas, quotes and new lines, and defuses formulas', () => {
    const run = sampleRun({}, { name: 'wide, "deep"\nnet', epochs: [{ loss: -0.5 }] });
    const formula = sampleRun({}, { id: 'r2', name: '=HYPERLINK("x")', epochs: [{ loss: 1 }] });
    const csv = runsToCsv([run, formula]);
    const parsed = Papa.parse<string[]>(csv.trim()).data;
    expect(parsed[1]).toEqual(['r1', 'wide, "deep"\nnet', '1', '-0.5']);
    expect(parsed[2]).toEqual(['r2', `'=HYPERLINK("x")`, '1', '1']);
  });

  it('writes the header alone for no runs', () => {
    expect(runsToCsv([])).toBe('run,name,epoch\n');
  });
});
