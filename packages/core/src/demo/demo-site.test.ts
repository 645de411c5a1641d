import { describe, expect, it } from 'vitest';
import { checkRoom } from '../rooms/room.js';
import { HOUR, MINUTE } from '../time/instant.js';
import { toInstant } from '../time/zone.js';
import { DEMO_DAY, DEMO_PEOPLE, DEMO_ROOMS, demoCommands } from './demo-site.js';
import { layDemoDay } from './lay-day.js';

describe('the demo dealership', () => {
  it('R-1: its rooms are well-formed rooms, one of them fit for confidential meetings', () => {
    for (const room of DEMO_ROOMS) expect(checkRoom(room).ok, room.id).toBe(true);
    expect(DEMO_ROOMS.filter((r) => r.confidential).map((r) => r.id)).toEqual(['C']);
  });

  it('T-4: its commands are made from the given now, in time order, none after it', () => {
    const now = toInstant({ year: 2026, month: 12, day: 7, hour: 10, minute: 0 }, 'Asia/Shanghai');
    const commands = demoCommands(now, 'Asia/Shanghai');
    const times = commands.map((c) => c['now'] as number);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(Math.min(...times)).toBe(now - 24 * HOUR);
    expect(Math.max(...times)).toBeLessThanOrEqual(now);
    expect(commands.filter((c) => c['type'] === 'RegisterPerson')).toHaveLength(DEMO_PEOPLE.length);
  });

  it('T-4: the demo day read back from JSON (the kiosk fetches it as a file) lays the same commands', () => {
    const zone = 'Asia/Shanghai';
    const day = JSON.parse(JSON.stringify(DEMO_DAY)) as typeof DEMO_DAY;
    for (const hour of [0, 7, 10, 23]) {
      const now = toInstant({ year: 2026, month: 12, day: 7, hour, minute: 3 }, zone);
      expect(layDemoDay(day, now, zone)).toEqual(demoCommands(now, zone));
    }
    const now = toInstant({ year: 2026, month: 12, day: 7, hour: 10, minute: 0 }, zone);
    const checkIn = demoCommands(now, zone).filter((c) => c['type'] === 'CheckIn');
    expect(checkIn.map((c) => c['now'])).toEqual([now - 23 * MINUTE]);
  });
});
