// Finds a python3 with numpy and pandas for the unit test that runs exported Keras scripts' data
// code (src/compile/keras-script-data.test.ts), in order of preference:
//   (a) $NETLOOM_PYTHON, then python3 on PATH, then Debian's /usr/bin/python3, if one imports pandas;
//   (b) as root on Debian: install python3-pandas with apt-get (for /usr/bin/python3);
//   (c) otherwise: fail with the command that fixes it (the test then skips and says so).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const candidates = () => [...new Set([process.env.NETLOOM_PYTHON, 'python3', '/usr/bin/python3'].filter(Boolean))];

function hasPandas(python) {
  return spawnSync(python, ['-c', 'import numpy, pandas'], { stdio: 'ignore' }).status === 0;
}

const isDebian = () => process.platform === 'linux' && existsSync('/etc/debian_version');
const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function aptInstallPandas() {
  console.log('[find-python] No python3 with pandas found; installing the Debian package (apt-get install python3-pandas)...');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'python3-pandas']]) {
    console.log(`[find-python] apt-get ${args.join(' ')}`);
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${result.status ?? result.signal}).`);
  }
}

/**
 * Returns a python3 that imports numpy and pandas, installing Debian's python3-pandas with apt-get
 * when running as root on Debian. Throws an Error whose message is the command to run otherwise.
 * @returns {string}
 */
export function findPandasPython() {
  const found = candidates().find(hasPandas);
  if (found) return found;
  if (isDebian() && isRoot()) {
    aptInstallPandas();
    if (hasPandas('/usr/bin/python3')) return '/usr/bin/python3';
    throw new Error('apt-get install python3-pandas finished but /usr/bin/python3 still cannot import pandas.');
  }
  throw new Error(isDebian() ? 'sudo apt-get install -y python3-pandas' : 'python3 -m pip install pandas');
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
