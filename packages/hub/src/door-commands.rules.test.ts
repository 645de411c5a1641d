// What a door token may push (S-3), on both engines: the commands a door issues (K-2) and no
// other. A booking's cancellation, a series, a fee waiver asked for its own room, the cleaning, the
// minutes: each is refused naming the rule, in both languages, and changes nothing.
import { describe, expect, it } from 'vitest';
import type { Hub } from './hub.js';
import type { PushReply } from './hub-types.js';
import { backends } from './testing/backends.test-helpers.js';
import { hubPerTest } from './testing/hub-per-test.test-helpers.js';
import { ADMIN, at, book, door, register, room, wang } from './testing/fixtures.test-helpers.js';

const all = await backends('door-commands.rules.test.ts');

const refusals = (r: PushReply): unknown[] => {
  if (!r.ok) throw new Error(`push refused: ${r.rejection.code}`);
  return r.results.map((o) =>
    o.status === 'refused'
      ? [o.rejection.rule, o.rejection.code, o.rejection.message.en, o.rejection.message['zh-CN']]
      : o.status,
  );
};

describe.each(all)('a door pushes only a door’s commands on $name', (backend) => {
  let hub: Hub;
  hubPerTest(backend, { clock: () => at(9) }, (h) => (hub = h));

  /** Commands pushed by a principal at 09:00, counted from 1. */
  const pushAt9 = (
    principal: Parameters<Hub['push']>[0],
    clientId: string,
    ...commands: Record<string, unknown>[]
  ): Promise<PushReply> =>
    hub.push(principal, {
      clientId,
      clientClock: at(9),
      mutations: commands.map((command, i) => ({ id: i + 1, command })),
    });
  const asAdmin = (...commands: Record<string, unknown>[]) =>
    pushAt9(ADMIN, 'admin-cli', ...commands);
  const fromDoorA = (...commands: Record<string, unknown>[]) =>
    pushAt9(door('A'), 'door-A', ...commands);

  it('S-3: a door may not cancel a booking of its own room, nor push any other command a door does not issue; nothing changes', async () => {
    const setUp = await asAdmin(register(room('A')), book('b1', 'A', at(14), at(15)));
    expect(refusals(setUp)).toEqual(['applied', 'applied']);
    const before = await hub.feed(ADMIN, {});
    const base = { now: at(9), actor: wang, roomId: 'A' };
    const notForDoor = (type: string): unknown[] => [
      'S-3',
      'hub.not-for-door',
      `a door may not issue ${type}`,
      `门牌不能执行「${type}」`,
    ];
    const pushed = await fromDoorA(
      { type: 'CancelBooking', ...base, bookingId: 'b1' },
      { type: 'ChangeBooking', ...base, bookingId: 'b1', topic: '改期' },
      { type: 'RecordCleaning', ...base },
      {
        type: 'RequestWaiver',
        ...base,
        waiverId: 'w1',
        department: '行政部',
        bookingId: 'b1',
        reason: '公务',
      },
      { type: 'SubmitMinutes', now: at(9), actor: wang, meetingId: 'm1' },
    );
    // The waiver and the minutes name no room of the door's: still refused for what they are.
    expect(refusals(pushed)).toEqual([
      notForDoor('CancelBooking'),
      notForDoor('ChangeBooking'),
      notForDoor('RecordCleaning'),
      notForDoor('RequestWaiver'),
      notForDoor('SubmitMinutes'),
    ]);
    const after = await hub.feed(ADMIN, {});
    expect(after).toEqual(before);
  });

  it('S-3: a command a door never issues, naming another room, is refused for what it is; a door’s own command for another room, for the room', async () => {
    await asAdmin(register(room('A')), register(room('B')), book('b1', 'B', at(14), at(15)));
    const before = await hub.feed(ADMIN, {});
    const inB = { now: at(9), actor: wang, roomId: 'B', bookingId: 'b1' };
    const r = await fromDoorA({ type: 'CancelBooking', ...inB }, { type: 'CheckIn', ...inB });
    expect(refusals(r).map((o) => (o as string[]).slice(0, 2))).toEqual([
      ['S-3', 'hub.not-for-door'],
      ['S-3', 'hub.other-room'],
    ]);
    expect(await hub.feed(ADMIN, {})).toEqual(before);
  });

  it('S-3: a door still pushes what a door issues: a check-in of its own room', async () => {
    await asAdmin(register(room('A')), book('b1', 'A', at(9), at(10)));
    const r = await fromDoorA({
      type: 'CheckIn',
      now: at(9),
      actor: wang,
      roomId: 'A',
      bookingId: 'b1',
    });
    expect(refusals(r)).toEqual(['applied']);
  });
});
