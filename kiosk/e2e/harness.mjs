// Shared by the end-to-end tests: the built kiosk under vite's preview server on a free port,
// and Debian's Chromium driven by playwright-core (which downloads nothing).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChrome } from '../../scripts/find-chrome.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Starts the preview server of the built kiosk alone (for tests that start their own browsers).
 *
 * @returns {Promise<{ baseURL: string, close: () => Promise<void> }>}
 */
export async function startServer() {
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
  return { baseURL, close: () => server.close() };
}

/**
 * Starts the preview server and the browser.
 *
 * @returns {Promise<{ baseURL: string, browser: import('playwright-core').Browser, close: () => Promise<void> }>}
 */
export async function start() {
  const server = await startServer();
  const { baseURL } = server;
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
 * The set-up most end-to-end files share: the preview server and one browser, started before the
 * file's tests and closed after them.
 *
 * @returns {{ readonly env: { baseURL: string, browser: import('playwright-core').Browser } }} whose
 *   `env` is there once the file's tests run
 */
export function useKiosk() {
  let env;
  before(async () => {
    env = await start();
  });
  after(async () => {
    await env?.close();
  });
  return {
    get env() {
      return env ?? assert.fail('the kiosk is not started yet');
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

/** The admin PIN a new tablet starts with (K-4). */
export const PIN = '2468';

/**
 * 10:02 today in Shanghai, the demo's zone: a clock for the scenarios that need the demo's day laid
 * out the same whatever the hour the tests run at (in progress 09:35–10:35 in 一号会议室, 10:10 in
 * 大会议室, the confidential meeting 11:30–12:30 in 保密会议室, 洽谈室 free).
 *
 * @param now - the real time
 * @returns the instant
 */
export function demoMorning(now = Date.now()) {
  const day = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
  return Date.parse(`${day}T10:02:00+08:00`);
}

/**
 * A fresh browser context (a new tablet: empty IndexedDB, so the demo dealership is seeded) on
 * the kiosk, with every page error and console error collected.
 *
 * @param {{ baseURL: string, browser: import('playwright-core').Browser }} env
 * @param {{ time?: number, path?: string }} [options] - `time`: install Playwright's clock there
 *   first (it then runs on from it); `path`: where to open (`/?lang=en`)
 * @returns {Promise<{ context: import('playwright-core').BrowserContext, page: import('playwright-core').Page, errors: string[] }>}
 */
export async function openKiosk(env, { time, path = '/' } = {}) {
  const { context, page, errors } = await newKioskPage(env);
  if (time !== undefined) await page.clock.install({ time });
  await page.goto(new URL(path, env.baseURL).href);
  await page.locator('huiyi-kiosk door-display state-badge').waitFor();
  return { context, page, errors };
}

/**
 * A new browser context at 1280×800 and a page in it, not yet opened, with every page error and
 * console error collected: for a test that watches the page from its first request.
 *
 * @param {{ browser: import('playwright-core').Browser }} env
 * @returns {Promise<{ context: import('playwright-core').BrowserContext, page: import('playwright-core').Page, errors: string[] }>}
 */
export async function newKioskPage(env) {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console error: ${m.text()}`);
  });
  return { context, page, errors };
}

/**
 * The door's state in words (K-1), as the state badge shows it.
 *
 * @param {import('playwright-core').Page} page
 * @returns {import('playwright-core').Locator}
 */
export function doorState(page) {
  return page.locator('huiyi-kiosk door-display state-badge [role="status"]');
}

/**
 * The confirmation the kiosk shows once an action is written (role=status, "✓ …").
 *
 * @param {import('playwright-core').Page} page
 * @returns {import('playwright-core').Locator}
 */
export function confirmation(page) {
  return page.locator('huiyi-kiosk p.done');
}

/**
 * Opens the settings: the gear, then the admin PIN on the pad (K-4).
 *
 * @param {import('playwright-core').Page} page
 */
export async function openSettings(page) {
  await page.getByRole('button', { name: '设置' }).click();
  for (const digit of PIN) await page.locator(`pin-pad button[data-digit="${digit}"]`).click();
  await page.getByRole('button', { name: '确定' }).click();
  await page.locator('settings-panel').waitFor();
}

/**
 * Chooses the room this tablet serves, in the settings, and goes back to the door.
 *
 * @param {import('playwright-core').Page} page
 * @param {string} roomId - the room's id (A … D in the demo)
 */
export async function serveRoom(page, roomId) {
  await openSettings(page);
  await page.locator(`settings-panel button[data-room="${roomId}"]`).click();
  await page.getByRole('button', { name: '保存' }).click();
  await page.getByText('设置已保存').waitFor();
  await page.getByRole('button', { name: '返回', exact: true }).click();
  await page.locator('huiyi-kiosk door-display').waitFor();
}

/**
 * All the text the kiosk renders, shadow roots included.
 *
 * @param {import('playwright-core').Page} page
 * @returns {Promise<string>}
 */
export function screenText(page) {
  return page.evaluate(() => {
    const text = (root) => {
      let t = '';
      for (const n of root.childNodes) {
        if (n.nodeType === 3) t += n.data;
        else if (n.nodeType === 1) t += (n.shadowRoot ? text(n.shadowRoot) : '') + text(n);
      }
      return t;
    };
    return text(globalThis.document.body).replace(/\s+/g, ' ');
  });
}

/**
 * Accessibility smoke: every button on the screen, in every shadow root, has a name.
 *
 * @param {import('playwright-core').Page} page
 * @returns {Promise<string[]>} the buttons without one (their HTML)
 */
export function unnamedButtons(page) {
  return page.evaluate(() => {
    const found = [];
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) walk(el.shadowRoot);
        if (el.localName !== 'button') continue;
        const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim();
        if (name === '') found.push(el.outerHTML);
      }
    };
    walk(globalThis.document);
    return found;
  });
}

/**
 * What the kiosk's log holds, read straight from IndexedDB 'huiyi-kiosk': how many events and the
 * last position.
 *
 * @param {import('playwright-core').Page} page
 * @returns {Promise<{ count: number, last: number }>}
 */
export function logSize(page) {
  return page.evaluate(async () => {
    const db = await new Promise((resolve, reject) => {
      const open = globalThis.indexedDB.open('huiyi-kiosk');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const events = db.transaction('events').objectStore('events');
    const request = (r) =>
      new Promise((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    const [count, cursor] = await Promise.all([
      request(events.count()),
      request(events.openKeyCursor(null, 'prev')),
    ]);
    db.close();
    return { count, last: cursor?.key ?? 0 };
  });
}

/**
 * A locator's text with its white space collapsed, as a reader sees it.
 *
 * @param {import('playwright-core').Locator} locator
 * @returns {Promise<string>}
 */
export async function textOf(locator) {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * Every record of one of the kiosk database's stores, read straight from IndexedDB.
 *
 * @param {import('playwright-core').Page} page
 * @param {string} store - `events`, `projections`, `settings` …
 * @returns {Promise<any[]>}
 */
export function readStore(page, store) {
  return page.evaluate(async (store) => {
    const db = await new Promise((resolve, reject) => {
      const open = globalThis.indexedDB.open('huiyi-kiosk');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    try {
      return await new Promise((resolve, reject) => {
        const r = db.transaction(store).objectStore(store).getAll();
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    } finally {
      db.close();
    }
  }, store);
}

/**
 * The types of every event in the kiosk's log, in order.
 *
 * @param {import('playwright-core').Page} page
 * @returns {Promise<string[]>}
 */
export async function eventTypes(page) {
  return (await readStore(page, 'events')).map((e) => e.type);
}

/**
 * The kiosk's saved states (its snapshots): name → the log position each was saved at.
 *
 * @param {import('playwright-core').Page} page
 * @returns {Promise<Record<string, number>>}
 */
export async function snapshots(page) {
  return Object.fromEntries(
    (await readStore(page, 'projections')).map((p) => [p.name, p.position]),
  );
}

/**
 * Overwrites a saved state with something that is not one.
 *
 * @param {import('playwright-core').Page} page
 * @param {string} name - the snapshot's name
 */
export function spoilSnapshot(page, name) {
  return page.evaluate(async (name) => {
    const db = await new Promise((resolve, reject) => {
      const open = globalThis.indexedDB.open('huiyi-kiosk');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction('projections', 'readwrite');
    tx.objectStore('projections').put({ name, version: 1, position: 1, state: { rooms: 'nope' } });
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
  }, name);
}

/**
 * For `page.addInitScript`, before the page's scripts: every IndexedDB open waits until the page
 * calls `__openTheLog()` (a log slow to open, as after a restart on a busy tablet).
 */
export function holdIndexedDB() {
  const { IDBFactory } = globalThis;
  const open = IDBFactory.prototype.open;
  let release;
  const gate = new Promise((resolve) => (release = resolve));
  globalThis.__openTheLog = () => release();
  IDBFactory.prototype.open = function (...args) {
    const request = {
      real: undefined,
      get result() {
        return this.real.result;
      },
      get error() {
        return this.real.error;
      },
      get transaction() {
        return this.real.transaction;
      },
    };
    gate.then(() => {
      request.real = open.apply(this, args);
      for (const type of ['success', 'error', 'upgradeneeded', 'blocked'])
        request.real[`on${type}`] = (event) => request[`on${type}`]?.(event);
    });
    return request;
  };
}
