// S-1 … S-3: every refusal the hub itself gives says which rule and why, in zh-CN and en, with the
// data a client needs to act on it.
import { describe, expect, it } from 'vitest';
import { hubRejections } from './hub-rejection.js';

const all = [
  ['otherRoom', hubRejections.otherRoom('B', 'A'), 'S-3', { roomId: 'B', doorRoomId: 'A' }],
  ['otherRoom (no room)', hubRejections.otherRoom(undefined, 'A'), 'S-3', { roomId: null }],
  ['notForDoor', hubRejections.notForDoor('SetTariff'), 'S-3', { type: 'SetTariff' }],
  [
    'missingScope',
    hubRejections.missingScope('admin', 'RegisterRoom'),
    'S-3',
    { scope: 'admin', type: 'RegisterRoom' },
  ],
  ['foreignClient', hubRejections.foreignClient('c-1'), 'S-3', { clientId: 'c-1' }],
  ['oneRoom', hubRejections.oneRoom('RequestBooking'), 'S-1', { type: 'RequestBooking' }],
  [
    'clockSkew',
    hubRejections.clockSkew(-90 * 60_000, 60 * 60_000),
    'S-1',
    { skewMs: -90 * 60_000 },
  ],
  ['malformed', hubRejections.malformed('clientId'), 'S-2', { what: 'clientId' }],
  ['mayNotRead', hubRejections.mayNotRead('feed'), 'S-3', { what: 'feed' }],
] as const;

describe("S-1 … S-3: the hub's refusals say which rule and why", () => {
  it.each(all)(
    '%s names its rule, a code and both languages, with its data',
    (_, r, rule, data) => {
      expect(r.rule).toBe(rule);
      expect(r.code).toMatch(/^hub\.[a-z-]+$/);
      expect(r.message['zh-CN'].length).toBeGreaterThan(0);
      expect(r.message.en.length).toBeGreaterThan(0);
      expect(r.data).toMatchObject(data);
    },
  );

  it('S-1: a clock behind is told in whole minutes behind, against the bound', () => {
    const r = hubRejections.clockSkew(-90 * 60_000 - 20_000, 60 * 60_000);
    expect(r.message.en).toBe(
      "the device clock is -90 min off the hub's, beyond 60 min: set the clock",
    );
    expect(r.message['zh-CN']).toContain('-90');
  });
});
