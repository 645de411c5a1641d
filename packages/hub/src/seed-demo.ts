import { demoCommands } from '@huiyi/core';
import type { Hub } from './hub.js';

/** What a seed did. */
export interface SeedResult {
  readonly applied: number;
  readonly refused: number;
  /** Commands the hub had from an earlier seed. */
  readonly duplicate: number;
}

/**
 * Seeds the demo dealership (its rooms, people, and a day of bookings and meetings around `now`)
 * through the hub's own push, as the administrator's client `demo-seed`. Seeding twice adds
 * nothing: the second run's mutations are duplicates.
 *
 * @param hub - the hub
 * @param now - the moment the demo day is built around (epoch ms)
 * @param zone - the site's IANA zone (default `Asia/Shanghai`)
 * @returns how many commands were applied, refused, or already there
 * @example
 * await seedDemo(hub, Date.now()) // => { applied: 31, refused: 0, duplicate: 0 }
 */
export async function seedDemo(hub: Hub, now: number, zone = 'Asia/Shanghai'): Promise<SeedResult> {
  const commands = demoCommands(now, zone);
  const r = await hub.push(
    { kind: 'admin' },
    {
      clientId: 'demo-seed',
      clientClock: now,
      mutations: commands.map((command, i) => ({ id: i + 1, command })),
    },
  );
  if (!r.ok) throw new Error(`seed refused: ${r.rejection.message.en}`);
  const count = (s: string): number => r.results.filter((o) => o.status === s).length;
  return { applied: count('applied'), refused: count('refused'), duplicate: count('duplicate') };
}
