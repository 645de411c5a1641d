// Run before `npm start` and `npm test`: checks Node, and installs the locked dependencies when
// node_modules is missing or older than package-lock.json. Node built-ins only: it runs before
// anything is installed.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChrome } from './find-chrome.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(
    `Huiyi needs Node.js 20.19 or newer; this is ${process.versions.node}. Install a current Node.js LTS.`,
  );
  process.exit(1);
}

const lock = join(root, 'package-lock.json');
const installed = join(root, 'node_modules', '.package-lock.json');
const stale =
  !existsSync(installed) ||
  (existsSync(lock) && statSync(lock).mtimeMs > statSync(installed).mtimeMs);
if (stale) {
  console.error('Installing dependencies (npm ci) …');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--loglevel=warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) {
    console.error('npm ci failed: see the messages above.');
    process.exit(r.status ?? 1);
  }
}

if (process.argv.includes('--browser') && !findChrome()) {
  console.error(
    'The browser tests need Chrome or Chromium and found none.\n' +
      '  Debian/Ubuntu: sudo apt-get install -y chromium\n' +
      '  macOS: install Google Chrome\n' +
      '  or set CHROME_PATH to the browser executable.',
  );
  process.exit(1);
}
