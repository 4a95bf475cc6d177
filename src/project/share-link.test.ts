import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../analysis/builder';
import { TEMPLATES, seedExample } from '../analysis/templates';
import { packWeights } from '../graph/inline-weights';
import { layeredLayout } from '../graph/layout';
import { sampleRun } from '../runs/run-test-support';
import { DEFAULT_TRAINING_CONFIG } from '../settings/training';
import { emptyProject, serializeProject, type Project } from './project-file';
import { MAX_SHARED_TEXT_BYTES, parseSharePayload, shareHash, sharedPart, sharePayloadOf } from './share-link';

const plan = {
  columns: [
    { name: 'x', role: 'feature', transform: 'standardize', missing: 'mean' },
    { name: 'species', role: 'target', transform: 'none', missing: 'drop' },
  ],
  target: 'onehot',
  split: { kind: 'fraction', validation: 0.2, stratified: true, seed: 42 },
} as const;
const fitted = {
  version: 1,
  features: [{ kind: 'scale', name: 'x', fill: 1.5, offset: 1.5, scale: 2 }],
  featureNames: ['x'],
  target: { name: 'species', encoding: 'onehot', classes: ['setosa', 'versicolor', 'virginica'] },
} as const;

const iris = (): Project => ({
  ...emptyProject('Iris classifier'),
  graph: seedExample(),
  training: { ...DEFAULT_TRAINING_CONFIG, epochs: 25, learningRate: 0.01 },
  callbacks: { ...emptyProject().callbacks, earlyStopping: { ...emptyProject().callbacks.earlyStopping, enabled: true, patience: 3 } },
  data: { kind: 'csv', fileName: 'my-iris.csv', plan, fitted } as unknown as Project['data'],
});

const payload = (project: Project) => sharePayloadOf(`#${shareHash(project)}`) ?? '';
/** A payload made from arbitrary text, the way Copy link packs a project's. */
const packed = (text: string) => Buffer.from(deflateSync(strToU8(text))).toString('base64url');

describe('share links', () => {
  it('round-trip the graph and settings through the project format, without fitted data, weights or runs', () => {
    const held = { ...iris(), weights: packWeights([{ name: 'dense_1/kernel', shape: [4, 64], values: new Float32Array(256) }]), runs: [sampleRun()] };
    const read = parseSharePayload(payload(held));
    expect(read).toEqual(sharedPart(held));
    expect(read.graph.nodes.map((n) => n.name)).toEqual(['input_1', 'dense_1', 'dense_2']);
    expect(read.training.epochs).toBe(25);
    expect(read.callbacks.earlyStopping).toMatchObject({ enabled: true, patience: 3 });
    expect(read.data).toEqual({ kind: 'csv', fileName: 'my-iris.csv', plan });
    expect(read).not.toHaveProperty('weights');
    expect(read).not.toHaveProperty('runs');
    // The same bytes a file of the shared part would hold.
    expect(serializeProject(read)).toBe(serializeProject(sharedPart(held)));
  });

  it('carry a callback’s metric monitor and its mode', () => {
    const project = iris();
    const callbacks = { ...project.callbacks, earlyStopping: { ...project.callbacks.earlyStopping, monitor: 'val_auc' as const, mode: 'max' as const } };
    const read = parseSharePayload(payload({ ...project, training: { ...project.training, metrics: ['accuracy', 'auc'] }, callbacks }));
    expect(read.callbacks.earlyStopping).toMatchObject({ enabled: true, monitor: 'val_auc', mode: 'max', patience: 3 });
    expect(read.training.metrics).toEqual(['accuracy', 'auc']);
  });

  it('are hash-safe base64url, and every template fits well under the limit', () => {
    for (const template of TEMPLATES) {
      const hash = shareHash({ ...emptyProject(template.title), graph: template.build() });
      expect(hash).toMatch(/^project=[A-Za-z0-9_-]+$/);
      expect(hash.length, template.id).toBeLessThan(2_000);
      const names = (graph: Project['graph']) => graph.nodes.map((n) => `${n.kind} ${n.name}`);
      expect(names(parseSharePayload(sharePayloadOf(hash) ?? '').graph)).toEqual(names(template.build()));
    }
  });

  it('keep a 100-layer model near 5,000 characters', () => {
    const b = new GraphBuilder();
    let x = b.input([32]);
    for (let i = 0; i < 100; i += 1) x = b.add('Dense', { units: 64, activation: 'relu' }, x);
    const length = shareHash({ ...emptyProject('deep'), graph: layeredLayout(b.graph) }).length;
    expect(length).toBeGreaterThan(2_000);
    expect(length).toBeLessThan(8_000);
  });

  it('find the payload in a hash among other parameters, and nothing in other hashes', () => {
    expect(sharePayloadOf('#project=abc')).toBe('abc');
    expect(sharePayloadOf('project=abc&x=1')).toBe('abc');
    expect(sharePayloadOf('#view=train&project=abc')).toBe('abc');
    expect(sharePayloadOf('#')).toBeNull();
    expect(sharePayloadOf('#section-2')).toBeNull();
    expect(sharePayloadOf('')).toBeNull();
  });

  it.each<[string, () => string, string | RegExp]>([
    ['an empty payload', () => '', 'Shared link: it holds no project (nothing after "#project=")'],
    ['characters outside base64url', () => 'abc+/def', 'Shared link: it is damaged: the project in it is not base64url text'],
    ['a cut-off payload', () => payload(iris()).slice(0, 200), /^Shared link: it is (damaged or )?cut short/],
    ['a payload cut to 4n+1 characters', () => payload(iris()).slice(0, 201), /^Shared link: it is (damaged or )?cut short/],
    [
      'bytes that are not DEFLATE',
      () => Buffer.from('hello, this is plain text').toString('base64url'),
      /^Shared link: it is (damaged or )?cut short|does not unpack/,
    ],
    ['DEFLATE of bytes that are not UTF-8', () => Buffer.from(deflateSync(new Uint8Array([0xff, 0xfe, 0x00]))).toString('base64url'), 'not UTF-8 text'],
    ['DEFLATE of text that is not JSON', () => packed('not json'), /^Shared link: not valid JSON/],
    ['a JSON value that is no project', () => packed('{"format": "tldraw"}'), 'Shared link: not a Netloom project: the file has format "tldraw"'],
    [
      'a project of a newer version',
      () => packed(JSON.stringify({ ...JSON.parse(serializeProject(iris())), version: 99 })),
      'saved by a newer Netloom (version 99)',
    ],
    [
      'a schema error',
      () => packed(serializeProject(iris()).replace('"units": 64', '"units": "64"')),
      'Shared link: graph.nodes[1] (dense_1): parameter "units" should be a whole number',
    ],
    [
      'a project with weights',
      () => packed(serializeProject({ ...iris(), weights: packWeights([{ name: 'dense_1/kernel', shape: [1], values: new Float32Array(1) }]) })),
      'Shared link: it holds weights or runs, which a shared link never carries (only a model and its settings)',
    ],
    ['a DEFLATE bomb', () => packed(' '.repeat(MAX_SHARED_TEXT_BYTES + 1)), 'Shared link: the project in it unpacks to over 4 MB, more than any model needs'],
  ])('refuse %s with a message that says so', (_name, make, message) => {
    expect(() => parseSharePayload(make())).toThrow(message);
  });

  it('say a link cut anywhere is cut short, whatever its length modulo 4', () => {
    const whole = payload(iris());
    for (let cut = 1; cut <= 8; cut++) expect(() => parseSharePayload(whole.slice(0, -cut))).toThrow(/^Shared link: it is (damaged or )?cut short/);
  });

  it('refuse a payload with one character changed rather than load something else', () => {
    const good = payload(iris());
    let refused = 0;
    for (let i = 10; i < good.length; i += 37) {
      const bad = good.slice(0, i) + (good[i] === 'A' ? 'B' : 'A') + good.slice(i + 1);
      try {
        const read = parseSharePayload(bad);
        // A change that still reads is a valid project: never a half-read one.
        expect(read.graph.nodes.length).toBeGreaterThan(0);
      } catch (error) {
        expect((error as Error).message).toMatch(/^Shared link: /);
        refused += 1;
      }
    }
    expect(refused).toBeGreaterThan(0);
  });
});
