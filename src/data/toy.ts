/**
 * Seeded 2-D toy datasets (in the spirit of the TensorFlow Playground): small classification
 * problems whose decision boundaries can be drawn, for trying architectures in seconds.
 *
 * Points lie in [-1, 1] x [-1, 1] before noise. Classes take turns (sample i has class
 * i mod classes), so every class has the same count (within one) and any tail split stays balanced.
 */
import { assertNever } from '../lib/assert-never';
import { invariant } from '../lib/invariant';
import { gaussian, mulberry32, type Rng } from '../lib/random';
import type { Dataset } from './types';

/** The toy generators by name, for the sample registry and the UI. */
export type ToyKind = 'xor' | 'circles' | 'spirals';

/** Parameters shared by every toy generator. */
export interface ToyParams {
  /** Number of points (a positive integer). */
  readonly n: number;
  /** Standard deviation of the Gaussian noise added to each coordinate (0 = none). */
  readonly noise: number;
  readonly seed: number;
}

/** A function that places one point of class `cls` using `rng`. */
type PointFn = (cls: number, rng: Rng) => readonly [number, number];

function build({ n, noise, seed }: ToyParams, classNames: readonly string[], point: PointFn): Dataset {
  invariant(Number.isInteger(n) && n > 0, `toy dataset size must be a positive integer, got ${n}`);
  invariant(Number.isFinite(noise) && noise >= 0, `toy noise must be >= 0, got ${noise}`);
  const classes = classNames.length;
  const rng = mulberry32(seed);
  const x = new Float32Array(n * 2);
  const y = new Float32Array(n * classes);
  for (let i = 0; i < n; i++) {
    const cls = i % classes;
    const [px, py] = point(cls, rng);
    x[2 * i] = noise > 0 ? px + noise * gaussian(rng) : px;
    x[2 * i + 1] = noise > 0 ? py + noise * gaussian(rng) : py;
    y[i * classes + cls] = 1;
  }
  return {
    x,
    y,
    count: n,
    featureShape: [2],
    targetShape: [classes],
    task: 'classification',
    classNames,
  };
}

/** Uniform in [lo, hi). */
function uniform(rng: Rng, lo: number, hi: number): number {
  return lo + (hi - lo) * rng();
}

/** Smallest distance of an XOR point from either axis, so the classes do not touch when noise is 0. */
const XOR_MARGIN = 0.05;

/**
 * XOR: class `same sign` in quadrants I and III (x * y > 0), `opposite sign` in II and IV.
 * Not linearly separable; one hidden layer of 2-4 units solves it.
 */
export function xor(n: number, noise: number, seed: number): Dataset {
  return build({ n, noise, seed }, ['same sign', 'opposite sign'], (cls, rng) => {
    const ax = uniform(rng, XOR_MARGIN, 1);
    const ay = uniform(rng, XOR_MARGIN, 1);
    const sx = rng() < 0.5 ? -1 : 1;
    // Same sign for class 0, opposite for class 1.
    const sy = cls === 0 ? sx : -sx;
    return [sx * ax, sy * ay];
  });
}

/**
 * Circles: class `inner` fills a disc of radius 0.5, class `outer` a ring from 0.7 to 1.
 * Points are uniform over the area.
 */
export function circles(n: number, noise: number, seed: number): Dataset {
  return build({ n, noise, seed }, ['inner', 'outer'], (cls, rng) => {
    const [r0, r1] = cls === 0 ? [0, 0.5] : [0.7, 1];
    // Uniform over the annulus's area: sample r^2 uniformly.
    const r = Math.sqrt(uniform(rng, r0 * r0, r1 * r1));
    const angle = uniform(rng, 0, 2 * Math.PI);
    return [r * Math.cos(angle), r * Math.sin(angle)];
  });
}

/** Turns each spiral arm makes from the centre to radius 1. */
const SPIRAL_TURNS = 1.75;

/**
 * Spirals: `arms` interleaved spiral arms (2 by default), one class per arm, radius growing
 * linearly from 0 to 1. Hard for small networks; a good test of depth and features.
 */
export function spirals(n: number, noise: number, seed: number, arms = 2): Dataset {
  invariant(Number.isInteger(arms) && arms >= 2 && arms <= 8, `spirals need 2-8 arms, got ${arms}`);
  const names = Array.from({ length: arms }, (_, k) => `arm ${k + 1}`);
  return build({ n, noise, seed }, names, (cls, rng) => {
    const t = rng();
    const angle = t * SPIRAL_TURNS * 2 * Math.PI + (cls * 2 * Math.PI) / arms;
    return [t * Math.cos(angle), t * Math.sin(angle)];
  });
}

/** Generates a toy dataset by kind, with spirals' default of 2 arms. */
export function makeToy(kind: ToyKind, params: ToyParams): Dataset {
  switch (kind) {
    case 'xor':
      return xor(params.n, params.noise, params.seed);
    case 'circles':
      return circles(params.n, params.noise, params.seed);
    case 'spirals':
      return spirals(params.n, params.noise, params.seed);
    default:
      return assertNever(kind, 'toy dataset kind');
  }
}
