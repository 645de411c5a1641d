// Waivers at their edges: one live waiver per booking and no more, which repeat is a repeat,
// when the charge is final, and who decides.
import { describe, expect, it } from 'vitest';
import { foldFeeEvents, initialFeeState } from './fee-state.js';
import {
  admin,
  at,
  eventsOf,
  given,
  li,
  play,
  rejectionOf,
  request,
  site,
  tariffA,
  tariffed,
  wang,
} from './fixtures.test-helpers.js';

const checkIn = (bookingId: string, now: number) => ({
  type: 'CheckIn',
  now,
  actor: wang,
  roomId: 'A',
  bookingId,
});
/** Two meetings of the after-sales department in room A, 09:00–10:00 and 10:00–11:00, both held. */
const twoUsed = play(
  tariffed,
  request({ department: '售后服务部' }),
  request({ bookingId: 'b2', start: at(10), end: at(11), department: '售后服务部' }),
  checkIn('b1', at(8, 55)),
  checkIn('b2', at(10)),
);
const ask = (over: Record<string, unknown> = {}) => ({
  type: 'RequestWaiver',
  now: at(11),
  actor: wang,
  waiverId: 'w1',
  roomId: 'A',
  bookingId: 'b1',
  department: '售后服务部',
  reason: '客户培训,免费提供',
  ...over,
});
const grant = (over: Record<string, unknown> = {}) => ({
  type: 'GrantWaiver',
  now: at(12),
  actor: admin,
  waiverId: 'w1',
  ...over,
});
const refuse = (over: Record<string, unknown> = {}) => ({
  type: 'RefuseWaiver',
  now: at(12),
  actor: admin,
  waiverId: 'w1',
  reason: '不属于减免范围',
  ...over,
});

describe('R-11: one live waiver per booking', () => {
  it('R-11: a live waiver on one booking does not block a waiver on another', () => {
    const asked = play(twoUsed, ask());
    expect(eventsOf(given(asked).when(ask({ waiverId: 'w2', bookingId: 'b2' })))).toEqual([
      expect.objectContaining({ type: 'WaiverRequested', waiverId: 'w2', bookingId: 'b2' }),
    ]);
    const granted = play(asked, grant());
    expect(eventsOf(given(granted).when(ask({ waiverId: 'w2', bookingId: 'b2' })))).toHaveLength(1);
  });

  it('R-11: a granted waiver is live too: the same booking takes no second one', () => {
    const granted = play(twoUsed, ask(), grant({ amountFen: 100 }));
    expect(rejectionOf(given(granted).when(ask({ waiverId: 'w2' })))).toMatchObject({
      rule: 'R-11',
      code: 'waiver.already-requested',
      data: { bookingId: 'b1', waiverId: 'w1' },
    });
  });

  it('R-11: a waiver id names one request: another booking, department or reason under it is refused', () => {
    const asked = play(twoUsed, ask());
    for (const over of [{ bookingId: 'b2' }, { department: '配件部' }, { reason: '另一个理由' }]) {
      expect(rejectionOf(given(asked).when(ask(over)))).toMatchObject({
        rule: 'R-11',
        code: 'waiver.duplicate-id',
        data: { waiverId: 'w1' },
      });
    }
    expect(eventsOf(given(asked).when(ask({ now: at(13) })))).toEqual([]);
  });
});

describe('R-11: when and by whom', () => {
  it('R-11: the charge is final at the booking’s end, not a moment before', () => {
    const held = play(tariffed, request({ department: '售后服务部' }), checkIn('b1', at(8, 55)));
    expect(rejectionOf(given(held).when(ask({ now: at(10) - 1 })))).toMatchObject({
      rule: 'R-11',
      code: 'waiver.charge-not-final',
      data: { bookingId: 'b1' },
    });
    expect(eventsOf(given(held).when(ask({ now: at(10) })))).toHaveLength(1);
  });

  it('R-11: a booking never checked in is charged once released, and its waiver may be asked from then', () => {
    const noShow = play(tariffed, request({ department: '售后服务部' }), {
      type: 'ReleaseNoShows',
      now: at(9, 10),
      actor: admin,
    });
    const [e] = eventsOf(given(noShow).when(ask({ now: at(9, 10) })));
    expect(e).toMatchObject({ type: 'WaiverRequested', chargeFen: expect.any(Number) });
    expect(e && 'chargeFen' in e && e.chargeFen).toBeGreaterThan(0);
  });

  it('R-11: only the room admin decides, and the refusal names R-11 and what was asked', () => {
    const asked = play(twoUsed, ask());
    for (const c of [grant({ actor: li }), refuse({ actor: wang })]) {
      const r = rejectionOf(given(asked).when(c));
      expect(r).toMatchObject({ rule: 'R-11', code: 'permission.room-admin' });
      expect(r.message.en).toBe('only the room admin may decide waivers');
      expect(r.message['zh-CN']).toContain('审批费用减免');
    }
  });

  it('R-11: a grant of exactly the charge is full; a refused waiver is not granted afterwards, a granted one not refused', () => {
    const asked = play(twoUsed, ask());
    const state = foldFeeEvents(initialFeeState, asked);
    const chargeFen = state.waivers.get('w1')?.chargeFen ?? 0;
    expect(eventsOf(given(asked).when(grant({ amountFen: chargeFen })))[0]).toMatchObject({
      amountFen: chargeFen,
      full: true,
    });
    expect(eventsOf(given(asked).when(grant({ amountFen: chargeFen - 1 })))[0]).toMatchObject({
      full: false,
    });
    const refused = play(asked, refuse());
    expect(rejectionOf(given(refused).when(grant()))).toMatchObject({
      rule: 'R-11',
      code: 'waiver.decided',
      data: { waiverId: 'w1', status: 'refused' },
    });
    const granted = play(asked, grant());
    expect(rejectionOf(given(granted).when(refuse())).data).toMatchObject({ status: 'granted' });
    // the same full grant again, without an amount, is nothing to do
    expect(eventsOf(given(granted).when(grant()))).toEqual([]);
  });
});

describe('R-11: what may be waived, and each decision once', () => {
  it('R-11: a refused waiver is no longer live: the same booking may ask again', () => {
    const refused = play(twoUsed, ask(), refuse());
    expect(eventsOf(given(refused).when(ask({ waiverId: 'w2', reason: '再次申请' })))).toEqual([
      expect.objectContaining({ type: 'WaiverRequested', waiverId: 'w2', bookingId: 'b1' }),
    ]);
  });

  it('R-11: the request records the booking, the department, the reason, the charge and who asked', () => {
    const state = foldFeeEvents(initialFeeState, twoUsed);
    const [e] = eventsOf(given(twoUsed).when(ask()));
    expect(e).toEqual({
      type: 'WaiverRequested',
      waiverId: 'w1',
      roomId: 'A',
      bookingId: 'b1',
      department: '售后服务部',
      reason: '客户培训,免费提供',
      chargeFen: expect.any(Number),
      by: 'wang',
      at: at(11),
    });
    expect(state.waivers.size).toBe(0);
  });

  it('R-11: only the department that pays asks, and the refusal names it', () => {
    expect(rejectionOf(given(twoUsed).when(ask({ department: '配件部' })))).toMatchObject({
      rule: 'R-11',
      code: 'waiver.wrong-department',
      data: { department: '售后服务部' },
    });
  });

  it('R-11: a booking charged nothing has nothing to waive', () => {
    // the same meeting in a site with no tariff: charged nothing
    const free = play(site, request({ department: '售后服务部' }), checkIn('b1', at(8, 55)));
    expect(rejectionOf(given(free).when(ask()))).toMatchObject({
      rule: 'R-11',
      code: 'waiver.nothing-to-waive',
      data: { bookingId: 'b1' },
    });
  });

  it('R-11: a booking whose tariff charges nothing has nothing to waive either', () => {
    const free = play(
      site,
      {
        ...tariffA,
        baseFenPerHour: 0,
        energyFenPerHour: 0,
        wearFenPerHour: {},
        cleaningFenPerBooking: 0,
      },
      request({ department: '售后服务部' }),
      checkIn('b1', at(8, 55)),
    );
    expect(rejectionOf(given(free).when(ask()))).toMatchObject({
      rule: 'R-11',
      code: 'waiver.nothing-to-waive',
    });
  });

  it('R-11: a waiver for a room or booking that does not exist is refused', () => {
    expect(rejectionOf(given(twoUsed).when(ask({ roomId: 'Z' }))).code).toBe('room.unknown');
    expect(rejectionOf(given(twoUsed).when(ask({ bookingId: 'nope' }))).code).toBe(
      'booking.unknown',
    );
  });

  it('R-11: a grant never exceeds the charge; it records the amount, who and when', () => {
    const asked = play(twoUsed, ask());
    const chargeFen = foldFeeEvents(initialFeeState, asked).waivers.get('w1')?.chargeFen ?? 0;
    expect(chargeFen).toBeGreaterThan(0);
    expect(rejectionOf(given(asked).when(grant({ amountFen: chargeFen + 1 })))).toMatchObject({
      rule: 'R-11',
      code: 'waiver.exceeds-charge',
      data: { amountFen: chargeFen + 1, chargeFen },
    });
    expect(eventsOf(given(asked).when(grant()))).toEqual([
      {
        type: 'WaiverGranted',
        waiverId: 'w1',
        roomId: 'A',
        bookingId: 'b1',
        amountFen: chargeFen,
        full: true,
        by: 'admin',
        at: at(12),
      },
    ]);
  });

  it('R-11: a granted waiver is not granted again for another amount; a refusal twice is nothing to do', () => {
    const asked = play(twoUsed, ask());
    const granted = play(asked, grant({ amountFen: 100 }));
    expect(eventsOf(given(granted).when(grant({ amountFen: 100 })))).toEqual([]);
    expect(rejectionOf(given(granted).when(grant({ amountFen: 200 })))).toMatchObject({
      rule: 'R-11',
      code: 'waiver.decided',
      data: { status: 'granted' },
    });
    const refused = play(asked, refuse());
    expect(eventsOf(given(refused).when(refuse({ reason: '另一个理由' })))).toEqual([]);
    expect(eventsOf(given(asked).when(refuse()))).toEqual([
      {
        type: 'WaiverRefused',
        waiverId: 'w1',
        roomId: 'A',
        bookingId: 'b1',
        reason: '不属于减免范围',
        by: 'admin',
        at: at(12),
      },
    ]);
  });

  it('R-11: a decision on a waiver nobody asked for is refused, naming it', () => {
    for (const c of [grant({ waiverId: 'w9' }), refuse({ waiverId: 'w9' })])
      expect(rejectionOf(given(twoUsed).when(c))).toMatchObject({
        rule: 'R-11',
        code: 'waiver.unknown',
        data: { waiverId: 'w9' },
      });
  });
});
