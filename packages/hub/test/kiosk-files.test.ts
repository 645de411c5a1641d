// The built kiosk as the hub serves it: each file's gzip (written by the build beside it) to a
// client that takes gzip, the file itself to any other, both marked `Vary: Accept-Encoding`; the
// page fresh, hashed assets cached for good; each room's door; nothing outside the folder.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kioskRoutes } from '../src/http/routes/kiosk.js';
import { openFixture, type HubFixture } from './fixture.js';

const PAGE = '<!doctype html><title>门口屏</title><script src="/assets/index-abc.js"></script>';
/** A script long enough that its gzip is smaller, with Chinese in it (UTF-8 must survive). */
const SCRIPT = `console.log(${JSON.stringify('会议室 · meeting room '.repeat(200))});`;
const STYLE = 'body{margin:0}';
const SECRET = 'the-contents-of-a-file-outside';

describe('HTTP: the kiosk files', () => {
  let f: HubFixture;
  let top: string;
  let dir: string;
  let bare: string;

  beforeAll(async () => {
    // A folder that is itself under an `assets` folder: only the kiosk's own assets are cached.
    top = mkdtempSync(join(tmpdir(), 'huiyi-kiosk-'));
    dir = join(top, 'assets', 'dist');
    mkdirSync(join(dir, 'assets'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), PAGE);
    writeFileSync(join(dir, 'index.html.gz'), gzipSync(PAGE));
    writeFileSync(join(dir, 'assets', 'index-abc.js'), SCRIPT);
    writeFileSync(join(dir, 'assets', 'index-abc.js.gz'), gzipSync(SCRIPT));
    // A file the build left without a gzip (it would not have been smaller).
    writeFileSync(join(dir, 'assets', 'tiny-abc.css'), STYLE);
    // A secret beside the folder, which no address may reach.
    bare = mkdtempSync(join(tmpdir(), 'huiyi-secret-'));
    writeFileSync(join(bare, 'secret.txt'), SECRET);
    f = await openFixture('pglite', { plugins: [kioskRoutes({ dir, demoEnrolment: false })] });
  }, 60_000);
  afterAll(async () => {
    await f?.close();
    rmSync(top, { recursive: true, force: true });
    rmSync(bare, { recursive: true, force: true });
  });

  const get = (url: string, headers: Record<string, string> = {}) =>
    f.app.inject({ method: 'GET', url, headers });

  it('sends the gzip the build wrote to a client that takes gzip, and it inflates to the file', async () => {
    const r = await get('/assets/index-abc.js', { 'accept-encoding': 'gzip, deflate' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-encoding']).toBe('gzip');
    expect(r.headers['vary']).toMatch(/accept-encoding/i);
    expect(r.headers['content-type']).toMatch(/^(text|application)\/javascript; charset=utf-8$/);
    expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(r.rawPayload.length).toBe(gzipSync(SCRIPT).length);
    expect(r.rawPayload.length).toBeLessThan(Buffer.byteLength(SCRIPT));
    expect(gunzipSync(r.rawPayload).toString('utf8')).toBe(SCRIPT);
  });

  it('sends the file itself to a client that does not take gzip, or refuses it (q=0)', async () => {
    for (const headers of [
      {},
      { 'accept-encoding': 'identity' },
      { 'accept-encoding': 'gzip;q=0' },
    ]) {
      const r = await get('/assets/index-abc.js', headers);
      expect(r.statusCode, JSON.stringify(headers)).toBe(200);
      expect(r.headers['content-encoding'], JSON.stringify(headers)).toBeUndefined();
      expect(r.body, JSON.stringify(headers)).toBe(SCRIPT);
    }
  });

  it('sends a file without a gzip beside it as it is, even to a client that takes gzip', async () => {
    const r = await get('/assets/tiny-abc.css', { 'accept-encoding': 'gzip' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-encoding']).toBeUndefined();
    expect(r.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(r.body).toBe(STYLE);
  });

  it('sends the page, fresh every time, at the root, at an address without a file and at each room’s door', async () => {
    for (const url of ['/', '/settings', '/door/A']) {
      const r = await get(url, { 'accept-encoding': 'gzip' });
      expect(r.statusCode, url).toBe(200);
      expect(r.headers['content-type'], url).toBe('text/html; charset=utf-8');
      expect(r.headers['cache-control'], url).toBe('no-cache');
      expect(r.headers['content-encoding'], url).toBe('gzip');
      expect(gunzipSync(r.rawPayload).toString('utf8'), url).toBe(PAGE);
    }
  });

  it('R-1: a door of a room the hub does not have is a 404 that says so', async () => {
    const r = await get('/door/Z');
    expect(r.statusCode).toBe(404);
    expect(r.json()).toMatchObject({ error: { code: 'room.unknown', rule: 'R-1' } });
  });

  it('HTTP: a file that is not there, a path out of the folder and the API are not the kiosk’s', async () => {
    expect((await get('/assets/missing-abc.js')).statusCode).toBe(404);
    const escape = `/..%2f..%2f..%2f${encodeURIComponent(bare.split('/').pop() ?? '')}%2fsecret.txt`;
    const out = await get(escape);
    expect(out.statusCode).toBe(404);
    expect(out.body).not.toContain(SECRET);
    expect((await get('/api/v1/nothing')).statusCode).toBe(404);
    // The gzip itself is a file of the folder, sent as it is (never inflated on the way).
    const gz = await get('/assets/index-abc.js.gz');
    expect(gz.statusCode).toBe(200);
    expect(gz.headers['content-encoding']).toBeUndefined();
  });
});
