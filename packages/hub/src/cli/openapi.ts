// The OpenAPI document as the hub serves it, built from the routes' schemas over an empty
// in-memory hub: what the docs site publishes.
import { openRuntime } from '../http/engine.js';
import { kioskRoutes } from '../http/routes/kiosk.js';
import { buildServer } from '../http/server.js';

/**
 * Builds the hub's OpenAPI document (with the demo's door routes, as `npm start` serves them).
 *
 * @returns the document
 */
export async function openApiDocument(): Promise<unknown> {
  const hub = await openRuntime({});
  try {
    const app = await buildServer(hub, {
      plugins: [kioskRoutes({ dir: '/nonexistent', demoEnrolment: true })],
    });
    try {
      const r = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
      return r.json();
    } finally {
      await app.close();
    }
  } finally {
    await hub.close();
  }
}
