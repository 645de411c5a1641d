import { fail, ok, type Result } from '../rejection/index.js';
import { bookingRejections as rooms } from '../rooms/booking-rejections.js';
import { isAdmin } from '../rooms/decide-helpers.js';
import { isChargeFinal } from './charge.js';
import { bookingCharge, type ChargeOptions } from './charges.js';
import type { GrantWaiver, RefuseWaiver, RequestWaiver } from './fee-commands.js';
import type { FeeEvent } from './fee-events.js';
import { feeRejections as why } from './fee-rejections.js';
import type { FeeState } from './fee-state.js';

const adminOnly = () => rooms.adminOnly('R-11', { 'zh-CN': '审批费用减免', en: 'decide waivers' });

/**
 * A department asks to waive a booking's charge: the charge must be final and more than
 * nothing, the department the one that pays, and the booking without another live waiver, so
 * that what is waived never exceeds the charge.
 *
 * @param c - the command
 * @param state - the fees state
 * @param options - the policy and the department lookup
 * @returns the request, or why not
 * @example
 * requestWaiver({ type: 'RequestWaiver', waiverId: 'w1', bookingId: 'b1', department: '售后服务部', reason: '客户培训', … }, state, {}) // => { ok: true, value: [{ type: 'WaiverRequested', chargeFen: 11000, … }] }
 */
export function requestWaiver(
  c: RequestWaiver,
  state: FeeState,
  options: ChargeOptions,
): Result<FeeEvent[]> {
  const rs = state.rooms.rooms.get(c.roomId);
  if (!rs) return fail(rooms.unknownRoom(c.roomId));
  const b = rs.bookings.get(c.bookingId);
  if (!b) return fail(rooms.unknownBooking(c.bookingId));
  const existing = state.waivers.get(c.waiverId);
  if (existing)
    return existing.bookingId === c.bookingId &&
      existing.department === c.department &&
      existing.reason === c.reason
      ? ok([])
      : fail(why.duplicateWaiverId(c.waiverId));
  if (!isChargeFinal(b, c.now)) return fail(why.chargeNotFinal(b.id));
  const charge = bookingCharge(state, b, options);
  if (!charge || charge.totalFen === 0) return fail(why.nothingToWaive(b.id));
  if (charge.department !== c.department) return fail(why.wrongDepartment(charge.department));
  for (const w of state.waivers.values())
    if (w.bookingId === b.id && w.status !== 'refused')
      return fail(why.alreadyRequested(b.id, w.waiverId));
  return ok([
    {
      type: 'WaiverRequested',
      waiverId: c.waiverId,
      roomId: c.roomId,
      bookingId: b.id,
      department: c.department,
      reason: c.reason,
      chargeFen: charge.totalFen,
      by: c.actor.id,
      at: c.now,
    },
  ]);
}

/**
 * The room admin grants a waiver: in full (no amount), or in part, from 1 fen up to its
 * charge and never beyond.
 *
 * @param c - the command
 * @param state - the fees state
 * @returns the grant, or why not
 * @example
 * grantWaiver({ type: 'GrantWaiver', waiverId: 'w1', amountFen: 5000, … }, state) // => { ok: true, value: [{ type: 'WaiverGranted', amountFen: 5000, full: false, … }] }
 */
export function grantWaiver(c: GrantWaiver, state: FeeState): Result<FeeEvent[]> {
  if (!isAdmin(c.actor)) return fail(adminOnly());
  const w = state.waivers.get(c.waiverId);
  if (!w) return fail(why.unknownWaiver(c.waiverId));
  const amountFen = c.amountFen ?? w.chargeFen;
  // Stryker disable next-line ConditionalExpression: only a granted waiver has an amount, so the amount alone tells
  if (w.status === 'granted' && w.amountFen === amountFen) return ok([]);
  if (w.status !== 'requested') return fail(why.waiverDecided(w.waiverId, w.status));
  if (amountFen > w.chargeFen) return fail(why.exceedsCharge(amountFen, w.chargeFen));
  return ok([
    {
      type: 'WaiverGranted',
      waiverId: w.waiverId,
      roomId: w.roomId,
      bookingId: w.bookingId,
      amountFen,
      full: amountFen === w.chargeFen,
      by: c.actor.id,
      at: c.now,
    },
  ]);
}

/**
 * The room admin refuses a waiver, with a reason.
 *
 * @param c - the command
 * @param state - the fees state
 * @returns the refusal, or why not
 * @example
 * refuseWaiver({ type: 'RefuseWaiver', waiverId: 'w1', reason: '不符合减免条件', … }, state) // => { ok: true, value: [{ type: 'WaiverRefused', … }] }
 */
export function refuseWaiver(c: RefuseWaiver, state: FeeState): Result<FeeEvent[]> {
  if (!isAdmin(c.actor)) return fail(adminOnly());
  const w = state.waivers.get(c.waiverId);
  if (!w) return fail(why.unknownWaiver(c.waiverId));
  if (w.status === 'refused') return ok([]);
  if (w.status !== 'requested') return fail(why.waiverDecided(w.waiverId, w.status));
  return ok([
    {
      type: 'WaiverRefused',
      waiverId: w.waiverId,
      roomId: w.roomId,
      bookingId: w.bookingId,
      reason: c.reason,
      by: c.actor.id,
      at: c.now,
    },
  ]);
}
