/**
 * Builders for the corpus's inputs: project documents as plain JSON (so a case can break any part
 * of one), Keras model.json files, tiny images and zips. Deterministic: the same corpus every run.
 */
import { zipSync } from 'fflate';
import { makePng } from '../data/images/test-images';
import { defaultParams } from '../layers/params';
import { layerSpec } from '../layers/registry';
import type { LayerKind } from '../graph/layer-kinds';
import { PROJECT_FORMAT, PROJECT_VERSION } from '../project/project-file';
import type { CaseFile, CaseFolder } from './case';

/** A JSON value as a file holds it, before any check. */
export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };
/** A project or model document a case may change anywhere. */
export type Doc = Record<string, Json>;

/** A file whose content is made when written. */
export const file = (path: string, content: () => string | Uint8Array): CaseFile => ({ path, content });
/** A file of fixed text or bytes. */
export const fixed = (path: string, content: string | Uint8Array): CaseFile => ({ path, content: () => content });
/** A file holding `value` as pretty JSON. */
export const jsonFile = (path: string, value: unknown): CaseFile => ({ path, content: () => `${JSON.stringify(value, null, 2)}\n` });
/** An empty folder. */
export const folder = (path: string): CaseFolder => ({ folder: path });

/** One layer of a chain: its kind and the params that differ from the defaults. */
export type LayerLine = readonly [LayerKind, Readonly<Record<string, Json>>?];

/**
 * A project document whose graph is `layers` in a chain (the first an Input), each with its
 * spec's default params, ids `n1`, `n2`... and Keras-style names (`dense_1`).
 */
export function projectDoc(name: string, layers: readonly LayerLine[], data: Json = { kind: 'none' }): Doc {
  const counts = new Map<string, number>();
  const nodes = layers.map(([kind, params = {}], i) => {
    const n = (counts.get(kind) ?? 0) + 1;
    counts.set(kind, n);
    const base = kind.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
    const defaults = defaultParams(layerSpec(kind).params) as Record<string, Json>;
    return { id: `n${i + 1}`, kind, name: `${base}_${n}`, params: { ...defaults, ...params }, position: { x: 0, y: i * 120 } };
  });
  const edges = nodes.slice(1).map((node, i) => ({ id: `e${i + 1}`, source: `n${i + 1}`, target: node.id, targetSlot: 0 }));
  return { format: PROJECT_FORMAT, version: PROJECT_VERSION, name, graph: { nodes, edges }, data };
}

/** The Keras seed (Input(4) -> Dense(64, relu) -> Dense(3, softmax)), the app's seed template. */
export const seedDoc = (name = 'Iris classifier'): Doc =>
  projectDoc(name, [
    ['Input', { shape: [4] }],
    ['Dense', { units: 64, activation: 'relu' }],
    ['Dense', { units: 3, activation: 'softmax' }],
  ]);

/** An MLP for `features` inputs: `classes` softmax outputs, or one linear output for regression. */
export function mlpDoc(features: number, classes: number | 'regression'): Doc {
  const out: LayerLine = classes === 'regression' ? ['Dense', { units: 1 }] : ['Dense', { units: classes, activation: 'softmax' }];
  const doc = projectDoc('hostile csv', [['Input', { shape: [features] }], ['Dense', { units: 8, activation: 'relu' }], out]);
  return classes === 'regression' ? { ...doc, training: { ...TRAINING, loss: 'mean_squared_error', metrics: [] } } : { ...doc, training: TRAINING };
}

/** Training as the seed has it, with a batch small enough for a few rows. */
const TRAINING = {
  loss: 'categorical_crossentropy',
  optimizer: 'adam',
  learningRate: 0.001,
  momentum: 0,
  batchSize: 8,
  epochs: 1,
  shuffle: true,
  seed: 42,
  metrics: ['accuracy'],
};

/** A classifier of `size` x `size` grayscale images into `classes` classes, with image data settings. */
export function imageDoc(classes: number, size = 8): Doc {
  return projectDoc('hostile images', [['Input', { shape: [size, size, 1] }], ['Flatten'], ['Dense', { units: classes, activation: 'softmax' }]], {
    kind: 'images',
    folderName: 'images',
    imageSize: [size, size],
    channels: 1,
    fit: 'pad',
  });
}

/** A place in a document: keys and array indexes from the top, `['graph', 'nodes', 1, 'params']`. */
export type JsonPath = readonly (string | number)[];

/**
 * A deep copy of `doc` with the value at `path` set to `value` (undefined deletes it). The key is
 * set as an own property even when it is `__proto__`, as `JSON.parse` would make it.
 */
export function withValue<T extends Doc>(doc: T, path: JsonPath, value: Json | undefined): T {
  const copy = structuredClone(doc);
  let at: unknown = copy;
  for (const key of path.slice(0, -1)) at = (at as Record<string | number, unknown>)[key];
  const last = path.at(-1) as string | number;
  const parent = at as Record<string | number, unknown>;
  if (value === undefined) delete parent[last];
  else Object.defineProperty(parent, last, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

const RAW = '"@@raw@@"';

/** `doc` as JSON text with `raw` (text that JSON.stringify cannot write: `1e400`, a duplicate key) at `path`. */
export function jsonWithRaw(doc: Doc, path: JsonPath, raw: string): string {
  return JSON.stringify(withValue(doc, path, RAW.slice(1, -1))).replace(RAW, raw);
}

/** The path of a node's param in a project document. */
export const paramPath = (node: number, param: string): JsonPath => ['graph', 'nodes', node, 'params', param];

/** A small PNG of one grey level: distinct enough per class to train on. */
export const greyPng = (level: number, size = 8): Uint8Array => makePng(size, size, () => [level, level, level, 255]);

/** Three images of each class under `root/<class>/` (levels spread over the classes). */
export function classImages(root: string, classes: readonly string[], each = 3): Record<string, Uint8Array> {
  return Object.fromEntries(
    classes.flatMap((cls, k) =>
      Array.from({ length: each }, (_, i) => [`${root}/${cls}/${i}.png`, greyPng(Math.round((255 * k) / Math.max(1, classes.length - 1)) ^ i)]),
    ),
  );
}

/** The files of `images` (path -> bytes) as case files. */
export const filesOf = (images: Readonly<Record<string, Uint8Array | string>>): CaseFile[] => Object.entries(images).map(([path, bytes]) => fixed(path, bytes));

/** A zip of `entries` (a path ending in `/` is a folder entry). */
export const zipOf = (entries: Readonly<Record<string, Uint8Array | string>>): Uint8Array =>
  zipSync(Object.fromEntries(Object.entries(entries).map(([path, v]) => [path, typeof v === 'string' ? new TextEncoder().encode(v) : v])));

/**
 * `zip` with every entry's uncompressed size rewritten to `size` in its local header and in the
 * central directory, as a zip bomb lies about what it holds; the data stays as it was.
 */
export function forgeZipSizes(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  let end = out.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--;
  let at = view.getUint32(end + 16, true);
  for (let n = view.getUint16(end + 10, true); n > 0; n--) {
    view.setUint32(at + 24, size, true);
    view.setUint32(view.getUint32(at + 42, true) + 22, size, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return out;
}

/** A JPEG whose first frame header claims `width` x `height`, its data unchanged. */
export function claimJpegSize(jpeg: Uint8Array, width: number, height: number): Uint8Array {
  const out = jpeg.slice();
  const view = new DataView(out.buffer);
  for (let at = 2; at + 9 <= out.length; at += 2 + view.getUint16(at + 2)) {
    if (out[at + 1] === 0xc0) {
      view.setUint16(at + 5, height);
      view.setUint16(at + 7, width);
      return out;
    }
  }
  throw new Error('no baseline frame header in the JPEG');
}
