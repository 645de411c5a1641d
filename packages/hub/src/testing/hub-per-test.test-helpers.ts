// A suite's life on one engine: its database made once for the file, emptied before each test, a
// hub opened on it for the test and closed after; every test skipped where the engine cannot run.
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Hub, HubOptions } from '../hub.js';
import type { HubCommand, HubEvent } from '../hub-decider.js';
import type { Backend } from './backends.test-helpers.js';

/**
 * Registers the hooks that give each test of the calling `describe` a hub of its own on an empty
 * database. Hooks the suite registers after this one run after the hub is open.
 *
 * @param backend - the engine (from `backends(...)`)
 * @param options - how each hub is opened (its clock …)
 * @param opened - told each test's hub, before the test (and the suite's later hooks) run
 */
export function hubPerTest<C extends HubCommand, E extends HubEvent, S>(
  backend: Backend,
  options: HubOptions<C, E, S>,
  opened: (hub: Hub) => void,
): void {
  beforeAll(async () => {
    if (backend.available) await backend.setup();
  }, 60_000);
  afterAll(async () => {
    if (backend.available) await backend.teardown();
  });
  beforeEach(async (ctx) => {
    if (!backend.available) return ctx.skip();
    await backend.reset();
    const hub = await backend.open(options);
    opened(hub);
    return async () => {
      await hub.close();
    };
  });
}
