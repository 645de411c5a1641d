// `npm start`: builds and serves the door kiosk on its demo dealership, once the kiosk exists.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (!existsSync(join(root, 'kiosk', 'package.json'))) {
  console.log(
    [
      'Huiyi: the door kiosk is not built yet; so far there is the rules library, @huiyi/core.',
      '',
      '  npm test        runs every test',
      '  npm run bench   runs the benchmarks against their anchors',
      '  npm run docs    generates the API reference into docs/api',
    ].join('\n'),
  );
}
