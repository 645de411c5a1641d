// The OpenAPI document: generated from the routes' schemas, served at /api/v1/openapi.json, valid
// OpenAPI 3.1, naming every route with its schemas; the copy the docs site publishes is current.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kioskRoutes } from '../src/http/routes/kiosk.js';
import { openFixture, type HubFixture } from './fixture.js';

/** The hub's endpoints: the API's and the demo's door pages. */
const ENDPOINTS = [
  'POST /api/v1/enrol',
  'GET /api/v1/me',
  'POST /api/v1/push',
  'GET /api/v1/pull',
  'GET /api/v1/events',
  'GET /api/v1/live',
  'GET /api/v1/rooms/{roomId}/bookings',
  'GET /api/v1/rooms/free',
  'GET /api/v1/meetings/{meetingId}',
  'GET /api/v1/people/{personId}/actions',
  'GET /api/v1/openapi.json',
  'GET /door/{roomId}',
  'GET /door/{roomId}/enrol.json',
];

interface Operation {
  requestBody?: { content: Record<string, { schema: object }> };
  parameters?: { in: string; name: string; schema: object }[];
  responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }>;
  security?: object[];
}
type Doc = { openapi: string; paths: Record<string, Record<string, Operation>> };

describe('the OpenAPI document', () => {
  let f: HubFixture;
  let doc: Doc;

  beforeAll(async () => {
    f = await openFixture('pglite', {
      plugins: [kioskRoutes({ dir: '/nonexistent', demoEnrolment: true })],
    });
    const r = await f.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(r.statusCode).toBe(200);
    doc = r.json();
  }, 60_000);
  afterAll(async () => {
    await f?.close();
  });

  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({
        name: `${method.toUpperCase()} ${path}`,
        path,
        method,
        op,
      })),
    );

  it('HTTP: names every endpoint, and each is a route the server has', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(
      operations()
        .map((o) => o.name)
        .sort(),
    ).toEqual([...ENDPOINTS].sort());
    for (const o of operations()) {
      const url = o.path.replace(/\{(\w+)\}/g, ':$1');
      expect([o.name, f.app.hasRoute({ method: o.method.toUpperCase() as 'GET', url })]).toEqual([
        o.name,
        true,
      ]);
    }
  });

  it('HTTP: every body, query and reply has its schema; every error reply is { error: { code, rule, message } }', () => {
    for (const o of operations()) {
      const ok = o.op.responses['200']?.content;
      expect([o.name, ok && Object.values(ok).every((c) => typeof c.schema === 'object')]).toEqual([
        o.name,
        true,
      ]);
      if (o.method === 'post')
        expect([o.name, o.op.requestBody?.content['application/json']?.schema]).not.toEqual([
          o.name,
          undefined,
        ]);
      for (const [status, reply] of Object.entries(o.op.responses)) {
        if (status.startsWith('2')) continue;
        const schema = reply.content?.['application/json']?.schema as
          { properties?: { error?: { properties?: Record<string, unknown> } } } | undefined;
        expect([
          o.name,
          status,
          Object.keys(schema?.properties?.error?.properties ?? {}).sort(),
        ]).toEqual([o.name, status, ['code', 'message', 'rule']]);
      }
    }
    const pull = doc.paths['/api/v1/pull']?.['get'];
    expect(pull?.parameters?.map((p) => p.name).sort()).toEqual([
      'clientId',
      'cursor',
      'limit',
      'sinceMutationId',
    ]);
    expect(pull?.security).toEqual([{ bearer: [] }]);
  });

  it('HTTP: is valid OpenAPI 3.1 (openapi-spec-validator, where this machine has it)', () => {
    const probe = spawnSync('python3', ['-c', 'import openapi_spec_validator'], {
      encoding: 'utf8',
    });
    if (probe.status !== 0) {
      console.log(
        'hub-http: openapi-spec-validator (Python) is not installed: the document was not validated',
      );
      return;
    }
    const file = join(mkdtempSync(join(tmpdir(), 'hub-openapi-')), 'openapi.json');
    writeFileSync(file, JSON.stringify(doc));
    const r = spawnSync('python3', ['-m', 'openapi_spec_validator', file], { encoding: 'utf8' });
    expect(r.stdout + r.stderr).toContain('OK');
    expect(r.status).toBe(0);
  }, 60_000);

  it('HTTP: the copy the docs site publishes (docs/public/openapi.json) is this document', () => {
    const published = fileURLToPath(new URL('../../../docs/public/openapi.json', import.meta.url));
    expect(
      existsSync(published),
      'run `npm run hub -- openapi --out docs/public/openapi.json`',
    ).toBe(true);
    expect(JSON.parse(readFileSync(published, 'utf8'))).toEqual(doc);
  });
});
