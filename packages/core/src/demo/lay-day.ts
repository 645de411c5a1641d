import { HOUR, MINUTE } from '../time/instant.js';
import { addDays, localDateOf, startOfLocalDay } from '../time/index.js';

// Apart from the demo's data (./demo-site.ts): the kiosk's script holds this, not the data, which
// it fetches as JSON.

/**
 * A moment of the demo day, as `DEMO_DAY` writes it, before it is laid around a `now`:
 * `@yesterday` (a day before `now`), `@<slot>.start` and `@<slot>.end`, or `@<slot><±minutes>` (that
 * many minutes from the slot's start, but never after `now`).
 */
export type DemoMoment = `@${string}`;

/**
 * The demo dealership as data: its commands with their moments written as {@link DemoMoment}s,
 * which {@link layDemoDay} lays around a `now`. It is JSON as it stands, so the kiosk can take it
 * from a file (a new tablet's first start) and keep it out of its script.
 */
export interface DemoDay {
  /** Each slot of the day: minutes from `now` (rounded down to 5 minutes) and its length. */
  readonly slots: Readonly<Record<string, readonly [from: number, minutes: number]>>;
  /** Rooms, people, bookings and meetings, made the day before. */
  readonly commands: readonly Record<string, unknown>[];
  /** The meeting in progress, checked in at the door: only when its check-in falls near its start. */
  readonly checkIn: {
    readonly slot: string;
    readonly commands: readonly Record<string, unknown>[];
  };
}

/**
 * Lays a demo day around `now`: each slot clamped inside today so the demo works at any hour, and
 * each {@link DemoMoment} read as a time.
 *
 * @param day - the demo day (`DEMO_DAY`, or the same read back from JSON)
 * @param now - when the kiosk first starts
 * @param zone - the site's zone
 * @returns the commands, oldest first
 */
export function layDemoDay(day: DemoDay, now: number, zone: string): Record<string, unknown>[] {
  const today = localDateOf(now, zone);
  const dayStart = startOfLocalDay(today, zone);
  const dayEnd = startOfLocalDay(addDays(today, 1), zone) - MINUTE;
  const base = Math.floor(now / (5 * MINUTE)) * 5 * MINUTE;
  const slots: Record<string, { start: number; end: number }> = {};
  for (const [name, [from, minutes]] of Object.entries(day.slots)) {
    let start = Math.max(dayStart, base + from * MINUTE);
    let end = start + minutes * MINUTE;
    if (end > dayEnd) {
      end = dayEnd;
      start = Math.max(dayStart, Math.min(start, end - 15 * MINUTE));
    }
    slots[name] = { start, end };
  }
  const moment = (m: string): number => {
    if (m === '@yesterday') return now - 24 * HOUR;
    const [, slot = '', edge, minutes] = /^@(\w+)(?:\.(start|end)|([+-]\d+))$/.exec(m) ?? [];
    const s = slots[slot];
    if (!s) throw new Error(`demo: no moment ${m}`);
    return edge ? s[edge as 'start' | 'end'] : Math.min(now, s.start + Number(minutes) * MINUTE);
  };
  const lay = (v: unknown): unknown =>
    typeof v === 'string' && v.startsWith('@')
      ? moment(v)
      : Array.isArray(v)
        ? v.map(lay)
        : v && typeof v === 'object'
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, lay(x)]))
          : v;
  const commands = day.commands.map(lay) as Record<string, unknown>[];
  const checkIn = day.checkIn.commands.map(lay) as Record<string, unknown>[];
  const at = checkIn[0]?.['now'] as number;
  const start = slots[day.checkIn.slot]?.start ?? NaN;
  if (at >= start - 10 * MINUTE && at < start + 10 * MINUTE) commands.push(...checkIn);
  return commands.sort((a, b) => (a['now'] as number) - (b['now'] as number));
}
