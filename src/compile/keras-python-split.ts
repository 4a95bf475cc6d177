/**
 * The train/validation split of a Keras script, in Python: Netloom's own seeded split
 * (src/data/split.ts over src/lib/random.ts's mulberry32), so the script holds out exactly the rows
 * the browser held out, and trains on the rest in the same order.
 */
import type { DataCode } from './keras-python-util';
import { pyNumber } from './keras-python-util';

const SPLIT = [
  'def mulberry32(seed):',
  '    """Netloom\'s seeded random numbers in [0, 1) (mulberry32, as in src/lib/random.ts)."""',
  '    state = seed & 0xFFFFFFFF',
  '',
  '    def next_number():',
  '        nonlocal state',
  '        state = (state + 0x6D2B79F5) & 0xFFFFFFFF',
  '        t = ((state ^ (state >> 15)) * (state | 1)) & 0xFFFFFFFF',
  '        t ^= (t + ((t ^ (t >> 7)) * (t | 61))) & 0xFFFFFFFF',
  '        return (t ^ (t >> 14)) / 4294967296',
  '',
  '    return next_number',
  '',
  '',
  'def shuffle(items, random):',
  '    """Fisher-Yates with Netloom\'s random numbers, as its shuffleInPlace."""',
  '    for i in range(len(items) - 1, 0, -1):',
  '        j = int(random() * (i + 1))',
  '        items[i], items[j] = items[j], items[i]',
  '    return items',
  '',
  '',
  'def allocate(sizes, total, share):',
  '    """Each class\'s part of the held-out rows: its exact share, rounded by largest remainder."""',
  '    exact = [n * share for n in sizes]',
  '    quotas = [int(e) for e in exact]',
  '    left = total - sum(quotas)',
  '    for c in sorted(range(len(sizes)), key=lambda c: (quotas[c] - exact[c], c)):',
  '        if left <= 0:',
  '            break',
  '        quotas[c] += 1',
  '        left -= 1',
  '    return [max(0, min(q, n - 1)) for q, n in zip(quotas, sizes)]',
  '',
  '',
  'def netloom_split(x, y, validation, seed, stratified):',
  '    """Netloom\'s seeded split: round(count * validation) rows held out, each class keeping its share',
  '    when stratified, so the validation rows are the ones the browser held out."""',
  '    random = mulberry32(seed)',
  '    count = len(x)',
  '',
  '    def quota(n):',
  '        k = int(n * validation + 0.5)',
  '        return min(n - 1, max(1, k)) if validation > 0 and n >= 2 else min(n, k)',
  '',
  '    if stratified:',
  '        flat = y.reshape(count, -1)',
  '        ids = flat[:, 0].astype("int64") if flat.shape[1] == 1 else flat.argmax(axis=1)',
  '        members = [np.flatnonzero(ids == c).tolist() for c in sorted(set(ids.tolist()))]',
  '        quotas = allocate([len(m) for m in members], quota(count), validation)',
  '        train, held = [], []',
  '        for m, k in zip(members, quotas):',
  '            shuffle(m, random)',
  '            held += m[:k]',
  '            train += m[k:]',
  '        shuffle(train, random)',
  '        shuffle(held, random)',
  '    else:',
  '        order = shuffle(list(range(count)), random)',
  '        held, train = order[: quota(count)], order[quota(count) :]',
  '    train, held = np.array(train, dtype=np.int64), np.array(held, dtype=np.int64)',
  '    return x[train], x[held], y[train], y[held]',
];

/** A share as the script's comments say it: `40%`, `12.5%`. */
export const percent = (share: number): string => `${pyNumber(Math.round(share * 1000) / 10)}%`;

/** A split: the helper functions to define first, then the lines that split `x, y`. */
export interface SplitCode extends Pick<DataCode, 'fit'> {
  readonly definitions: readonly string[];
  readonly lines: readonly string[];
}

/**
 * Python that splits `x, y` into `x_train, x_val, y_train, y_val` as Netloom does; with no
 * validation share, everything trains.
 */
export function splitLines(validation: number, seed: number, stratified: boolean): SplitCode {
  if (validation <= 0) {
    return {
      definitions: [],
      lines: ['# No validation share was set in Netloom: train on everything.', 'x_train, y_train = x, y'],
      fit: { kind: 'arrays', validation: false },
    };
  }
  const how = stratified ? "seeded and stratified, with Netloom's generator" : "seeded, with Netloom's generator";
  return {
    definitions: [...SPLIT, '', ''],
    lines: [
      `# Hold out ${percent(validation)} for validation (${how}): the rows Netloom held out.`,
      `x_train, x_val, y_train, y_val = netloom_split(x, y, ${pyNumber(validation)}, ${seed}, stratified=${stratified ? 'True' : 'False'})`,
    ],
    fit: { kind: 'arrays', validation: true },
  };
}
