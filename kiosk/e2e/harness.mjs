// Shared by the end-to-end tests: the built kiosk under vite's preview server on a free port,
// and Debian's Chromium driven by playwright-core (which downloads nothing).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChrome } from '../../scripts/find-chrome.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Starts the preview server and the browser.
 *
 * @returns {Promise<{ baseURL: string, browser: import('playwright-core').Browser, close: () => Promise<void> }>}
 */
export async function start() {
  assert.ok(
    existsSync(new URL('../dist/index.html', import.meta.url)),
    'run `npm run build` first',
  );
  const server = await preview({
    root,
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port: 0, strictPort: false },
  });
  const baseURL = server.resolvedUrls?.local[0] ?? assert.fail('preview server has no URL');
  const browser = await chromium.launch({
    executablePath: findChrome() ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  return {
    baseURL,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * Waits until the page's service worker is activated and controls it.
 *
 * @param {import('playwright-core').Page} page
 */
export async function serviceWorkerActive(page) {
  const state = await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    const sw = reg.active;
    if (sw && sw.state !== 'activated') {
      await new Promise((resolve) =>
        sw.addEventListener('statechange', () => sw.state === 'activated' && resolve(undefined)),
      );
    }
    return sw?.state;
  });
  assert.equal(state, 'activated');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}
