// A tablet that can lose its power: Chromium started by hand on a profile directory that outlives
// it, driven over CDP, and killed with SIGKILL (its whole process group) or by crashing its
// renderer, as a power cut, a crash or the system's killer would. The profile (IndexedDB,
// localStorage) is what the next start finds.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChrome } from '../../scripts/find-chrome.mjs';

/** A profile directory of its own, removed by `remove()`. */
export function newProfile() {
  const dir = mkdtempSync(join(tmpdir(), 'huiyi-kiosk-profile-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Starts Chromium on a profile and connects to it.
 *
 * @param {string} dir - the profile directory
 * @returns {Promise<{ browser: import('playwright-core').Browser, context: import('playwright-core').BrowserContext, kill: () => Promise<void>, close: () => Promise<void> }>}
 */
export async function launchOn(dir) {
  const child = spawn(
    findChrome() ?? '/usr/bin/chromium',
    [
      ...CHROMIUM_ARGS,
      '--headless=new',
      '--remote-debugging-port=0',
      `--user-data-dir=${dir}`,
      '--window-size=1280,800',
      'about:blank',
    ],
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const endpoint = await new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start: ${seen}`)), 20_000);
    child.stderr.on('data', (chunk) => {
      seen += chunk;
      const found = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`Chromium exited (${code}): ${seen}`)));
  });
  child.stderr.resume();
  const browser = await chromium.connectOverCDP(endpoint);
  const context = browser.contexts()[0];
  context.setDefaultTimeout(15_000);
  return {
    browser,
    context,
    /** SIGKILL to Chromium's whole process group: no unload, no flush, as a power cut. */
    kill: async () => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
      await exited;
    },
    close: async () => {
      await browser.close().catch(() => undefined);
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
      await exited;
    },
  };
}

/**
 * Crashes a page's renderer (CDP `Page.crash`) and waits until the page is gone.
 *
 * @param {import('playwright-core').Page} page
 */
export async function crashRenderer(page) {
  const cdp = await page.context().newCDPSession(page);
  const crashed = new Promise((resolve) => page.once('crash', resolve));
  cdp.send('Page.crash').catch(() => undefined);
  await crashed;
}

/**
 * Everything the kiosk's database holds: the log's events and the settings, read straight from
 * IndexedDB.
 *
 * @param {import('playwright-core').Page} page
 * @returns {Promise<{ events: { position: number, id: string, type: string, device: string, data: any }[], settings: Record<string, unknown> }>}
 */
export function readDatabase(page) {
  return page.evaluate(async () => {
    const db = await new Promise((resolve, reject) => {
      const open = globalThis.indexedDB.open('huiyi-kiosk');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const all = (name) =>
      new Promise((resolve, reject) => {
        if (!db.objectStoreNames.contains(name)) return resolve([]);
        const r = db.transaction(name).objectStore(name).getAll();
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    const [events, settings] = await Promise.all([all('events'), all('settings')]);
    db.close();
    return {
      events: events.map((e) => ({
        position: e.position,
        id: e.id,
        type: e.type,
        device: e.device,
        data: e.data,
      })),
      settings: Object.fromEntries(settings.map((s) => [s.key, s.value])),
    };
  });
}
