import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { callbacksSchema } from '../settings/callbacks';
import { parseProjectFile, serializeProject } from './project-file';

const seedV4Text = readFileSync(new URL('./fixtures/seed-v4.netloom.json', import.meta.url), 'utf8');
const seedV5Text = readFileSync(new URL('./fixtures/seed-v5.netloom.json', import.meta.url), 'utf8');

/** The v4 seed document with one change applied, as text (v4 is the first to hold callbacks). */
function v4(change: (doc: Record<string, unknown>) => void): string {
  const doc = JSON.parse(seedV4Text) as Record<string, unknown>;
  change(doc);
  return JSON.stringify(doc);
}

describe('project callbacks: monitors of any logged quantity, and their mode', () => {
  it('round-trips a metric monitor and its mode, writing mode only where it is not auto', () => {
    const callbacks = callbacksSchema.parse({
      earlyStopping: { enabled: true, monitor: 'val_auc', mode: 'max', patience: 4 },
      reduceLrOnPlateau: { enabled: true, monitor: 'val_precision' },
    });
    const project = { ...parseProjectFile(seedV5Text), callbacks };
    const text = serializeProject(project);
    expect(parseProjectFile(text)).toEqual(project);
    expect(serializeProject(parseProjectFile(text))).toBe(text);
    const written = (JSON.parse(text) as { callbacks: Record<string, Record<string, unknown>> }).callbacks;
    expect(Object.keys(written.earlyStopping ?? {})).toEqual(['enabled', 'monitor', 'minDelta', 'patience', 'mode', 'restoreBestWeights']);
    expect(written.earlyStopping).toMatchObject({ monitor: 'val_auc', mode: 'max' });
    expect(written.reduceLrOnPlateau).toMatchObject({ monitor: 'val_precision' });
    expect(written.reduceLrOnPlateau).not.toHaveProperty('mode');
  });

  it('opens a file from before monitors of any metric and modes: its monitors kept, mode auto', () => {
    // The v5 fixture was written before `mode` existed, and the v4 one before metrics were picked.
    for (const old of [seedV4Text, seedV5Text, v4((d) => (d.callbacks = { earlyStopping: { enabled: true, monitor: 'val_accuracy' } }))]) {
      const project = parseProjectFile(old);
      expect(project.callbacks.earlyStopping.mode).toBe('auto');
      expect(project.callbacks.reduceLrOnPlateau.mode).toBe('auto');
    }
    expect(parseProjectFile(v4((d) => (d.callbacks = { earlyStopping: { enabled: true, monitor: 'val_accuracy' } }))).callbacks.earlyStopping).toMatchObject({
      enabled: true,
      monitor: 'val_accuracy',
    });
    expect(() => parseProjectFile(v4((d) => (d.callbacks = { earlyStopping: { monitor: 'val_f1' } })))).toThrow(/callbacks\.earlyStopping\.monitor/);
    expect(() => parseProjectFile(v4((d) => (d.callbacks = { earlyStopping: { mode: 'up' } })))).toThrow(/callbacks\.earlyStopping\.mode/);
  });

  it('keeps a monitor whose metric the file does not compile (the Train tab says so; nothing is dropped)', () => {
    const text = v4((d) => (d.callbacks = { earlyStopping: { enabled: true, monitor: 'val_auc' } }));
    expect(parseProjectFile(text).callbacks.earlyStopping.monitor).toBe('val_auc');
  });
});
