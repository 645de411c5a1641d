import { layDemoDay, type Actor, type Rejection } from '@huiyi/core';
import { demoDay } from '../demo/demo-day.js';
import type { KioskService } from '../services/kiosk-service.js';
import { locateRejection, readScheduleFile } from '../services/schedule-file.js';

// What only a door of its own does, never a door with a hub (whose rooms, people and bookings come
// from the hub): laying out the demo dealership at a new tablet's first start, and importing a
// schedule file. In the build a classic script of its own, the `standalone` satellite
// (docs/decisions/kiosk-bundle.md), loaded by the `import()` that asks for it. It holds no state:
// the door's service and clock come in as arguments.

/** The room admin, as the kiosk acts for them behind the PIN. */
const ADMIN: Actor = { id: 'kiosk-admin', roles: ['room-admin'] };

/**
 * Lays out the demo dealership around a new tablet's first start, in its empty log.
 *
 * @param service - the kiosk's service
 * @param now - the moment of the first start
 * @param zone - the time zone the day is laid in
 */
export async function seedDemo(service: KioskService, now: number, zone: string): Promise<void> {
  // In the build, the demo's day is a JSON file of its own (src/demo/demo-day.ts).
  const commands = layDemoDay(await demoDay(), now, zone);
  const all = await service.dispatchAll(commands);
  if (all.ok) return;
  // Near midnight some of the day does not fit: take what does, one by one.
  for (const c of commands) await service.dispatch(c);
}

/**
 * Imports a schedule file: taken whole or not at all (K-3).
 *
 * @param service - the kiosk's service
 * @param text - the file's text
 * @param now - the moment
 * @returns how many commands it held, or why it was refused (naming the entry)
 */
export async function importSchedule(
  service: KioskService,
  text: string,
  now: number,
): Promise<{ ok: true; count: number } | { ok: false; rejection: Rejection }> {
  const read = readScheduleFile(text, now, ADMIN);
  if (!read.ok) return { ok: false, rejection: read.rejection };
  const outcome = await service.dispatchAll(read.value.commands);
  if (!outcome.ok)
    return { ok: false, rejection: locateRejection(outcome.rejection, read.value.sources) };
  return { ok: true, count: read.value.commands.length };
}
