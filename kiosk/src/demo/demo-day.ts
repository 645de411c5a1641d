import type { DemoDay } from '@huiyi/core';

/**
 * The demo dealership's day, before it is laid around the first start (`layDemoDay`). Only a new
 * tablet's first start without a hub asks for it. In the build this module is replaced: the day is
 * a JSON file of its own (`assets/demo-<hash>.json`, precached with the rest), fetched here, so it
 * is not in the door's JavaScript (docs/decisions/kiosk-bundle.md). In `vite dev` and in the
 * component tests it is the core's.
 *
 * @returns the demo day
 */
export async function demoDay(): Promise<DemoDay> {
  return (await import('@huiyi/core')).DEMO_DAY;
}
