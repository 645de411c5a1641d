// `npm start`: builds the door kiosk (when its build is missing or older than its sources) and
// serves it with its built-in demo dealership on http://127.0.0.1:4173 until Ctrl+C.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const kiosk = join(root, 'kiosk');
const built = join(kiosk, 'dist', 'index.html');

/** The newest modification time under a folder (sources only). */
function newest(dir) {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const sources = Math.max(
  newest(join(kiosk, 'src')),
  newest(join(root, 'packages', 'core', 'src')),
  newest(join(root, 'packages', 'store-idb', 'src')),
);
if (!existsSync(built) || statSync(built).mtimeMs < sources) {
  console.log('Building the kiosk …');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['run', 'build', '--loglevel=warn'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const { preview } = await import('vite');
const server = await preview({
  root: kiosk,
  logLevel: 'warn',
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
});
const url = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:4173/';
console.log(
  [
    '',
    `Huiyi door kiosk: ${url}  (English: ${url}?lang=en)`,
    'A demo dealership is laid around the current time on first start: a meeting in progress in 一号会议室,',
    'one starting soon in 大会议室, a confidential one in 保密会议室, 洽谈室 free.',
    'Settings (room, language, import/export) are behind the admin PIN 2468.',
    'Ctrl+C stops it.',
  ].join('\n'),
);
const stop = async () => {
  await server.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
