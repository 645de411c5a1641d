import { createHash } from 'node:crypto';
import { resolve as resolvePath } from 'node:path';
import type { Plugin } from 'vite';
import { DEMO_DAY } from '@huiyi/core';

/**
 * Keeps the demo dealership out of the door's JavaScript (docs/decisions/kiosk-bundle.md): the
 * core's demo day is written as JSON into `assets/demo-<hash>.json`, and the module that hands it to
 * the `standalone` satellite (`src/demo/demo-day.ts`) is replaced by one that fetches that file; the
 * satellite lays it around the first start (`layDemoDay`). The app's build emits the file, the
 * satellite's fetches it. In `vite dev` and in the component tests the module is left as written.
 *
 * @param root - the kiosk's folder
 * @returns the plugin
 */
export function demoData(root: string): Plugin {
  const module = resolvePath(root, 'src/demo/demo-day.ts');
  const source = JSON.stringify(DEMO_DAY);
  const hash = createHash('sha256').update(source).digest('base64url').slice(0, 8);
  const fileName = `assets/demo-${hash}.json`;
  let base = '/';
  return {
    name: 'huiyi:demo-data',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    load(id) {
      if (id.replace(/\?.*$/, '') !== module) return null;
      const url = JSON.stringify(`${base}${fileName}`);
      return `export const demoDay = () => fetch(${url}).then((r) => {
  if (!r.ok) throw new Error('huiyi: ' + ${url} + ' did not load');
  return r.json();
});`;
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName, source });
    },
  };
}
