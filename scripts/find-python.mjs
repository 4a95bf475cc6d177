// Finds a python3 for the unit tests that run exported Keras scripts' data code
// (src/compile/keras-script-data.test.ts needs numpy and pandas; keras-script-audio-soundfile.test.ts
// needs numpy and soundfile), in order of preference:
//   (a) $NETLOOM_PYTHON, then python3 on PATH, then Debian's /usr/bin/python3, if one imports all three;
//   (b) as root on Debian: install python3-pandas and python3-soundfile with apt-get (for /usr/bin/python3);
//   (c) one that imports numpy and pandas (the soundfile test then skips and says so);
//   (d) otherwise: fail with the command that fixes it (the tests then skip and say so).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const PACKAGES = ['python3-pandas', 'python3-soundfile'];

const candidates = () => [...new Set([process.env.NETLOOM_PYTHON, 'python3', '/usr/bin/python3'].filter(Boolean))];

function imports(python, modules) {
  return spawnSync(python, ['-c', `import ${modules}`], { stdio: 'ignore' }).status === 0;
}
const hasAll = (python) => imports(python, 'numpy, pandas, soundfile');
const hasPandas = (python) => imports(python, 'numpy, pandas');

const isDebian = () => process.platform === 'linux' && existsSync('/etc/debian_version');
const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function aptInstall() {
  console.log(`[find-python] No python3 with pandas and soundfile found; installing the Debian packages (apt-get install ${PACKAGES.join(' ')})...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', ...PACKAGES]]) {
    console.log(`[find-python] apt-get ${args.join(' ')}`);
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${result.status ?? result.signal}).`);
  }
}

/**
 * Returns a python3 that imports numpy and pandas (and soundfile where it can), installing Debian's
 * python3-pandas and python3-soundfile with apt-get when running as root on Debian. Throws an Error
 * whose message is the command to run when no python3 imports pandas.
 * @returns {string}
 */
export function findPandasPython() {
  const found = candidates().find(hasAll);
  if (found) return found;
  if (isDebian() && isRoot()) {
    aptInstall();
    if (hasAll('/usr/bin/python3')) return '/usr/bin/python3';
    throw new Error(`apt-get install ${PACKAGES.join(' ')} finished but /usr/bin/python3 still cannot import pandas and soundfile.`);
  }
  const partial = candidates().find(hasPandas);
  if (partial) {
    console.warn(
      `[find-python] ${partial} has no soundfile, so the Keras script FLAC test will skip. To run it: ${isDebian() ? 'sudo apt-get install -y python3-soundfile' : 'python3 -m pip install soundfile'}`,
    );
    return partial;
  }
  throw new Error(isDebian() ? `sudo apt-get install -y ${PACKAGES.join(' ')}` : 'python3 -m pip install pandas soundfile');
}

// `node scripts/find-python.mjs` prints the path (handy when debugging a machine).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    console.log(findPandasPython());
  } catch (error) {
    console.error(`No python3 with pandas. Run: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
