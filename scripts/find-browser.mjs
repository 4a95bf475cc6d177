// Finds a Chromium for the Playwright tests, in order of preference:
//   (a) Playwright's own build, if `npx playwright install chromium` has been run;
//   (b) a system Chromium (Debian/Ubuntu package);
//   (c) as root on Debian: install the chromium package with apt-get;
//   (d) otherwise: fail with the exact command that fixes it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const systemChromiums = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

async function playwrightChromium() {
  try {
    const { chromium } = await import('@playwright/test');
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    // Not resolvable (no registry entry for this platform): fall through to the system browser.
    return undefined;
  }
}

function isDebian() {
  return process.platform === 'linux' && existsSync('/etc/debian_version');
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function aptInstallChromium() {
  console.log('[find-browser] No Chromium found; installing the Debian package (apt-get install chromium)...');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', 'chromium']]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (result.status !== 0) {
      throw new Error(`apt-get ${args.join(' ')} failed (exit ${result.status ?? result.signal}).`);
    }
  }
}

/**
 * Returns the path of a Chromium executable for Playwright, installing one with apt-get
 * when running as root on Debian. Throws an Error whose message is the command to run otherwise.
 * @returns {Promise<string>}
 */
export async function findBrowser() {
  const bundled = await playwrightChromium();
  if (bundled) return bundled;

  const system = systemChromiums.find((path) => existsSync(path));
  if (system) return system;

  if (isDebian() && isRoot()) {
    aptInstallChromium();
    if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
    throw new Error('apt-get install chromium finished but /usr/bin/chromium is missing.');
  }

  throw new Error(isDebian() ? 'sudo apt-get update && sudo apt-get install -y chromium' : 'npx playwright install chromium');
}

// `node scripts/find-browser.mjs` prints the path (handy when debugging a machine).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  findBrowser().then(
    (path) => console.log(path),
    (error) => {
      console.error(`No Chromium found. Run: ${error.message}`);
      process.exit(1);
    },
  );
}
