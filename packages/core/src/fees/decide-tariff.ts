import type { PolicyParameters } from '../policy/parameters.js';
import { fail, ok, type Result } from '../rejection/index.js';
import { bookingRejections as rooms } from '../rooms/booking-rejections.js';
import { isAdmin, sameJson } from '../rooms/decide-helpers.js';
import type { SetTariff } from './fee-commands.js';
import type { FeeEvent } from './fee-events.js';
import { feeRejections as why } from './fee-rejections.js';
import type { FeeState } from './fee-state.js';
import type { Tariff } from './tariff.js';

/**
 * The room admin sets a room's tariff from a moment on. Never in the past: a booking's
 * charge is judged by the version in force when it starts, so a final charge never changes.
 *
 * @param c - the command
 * @param state - the fees state
 * @param params - the parameters in force for the room (its zone, for the message)
 * @returns the new version, none when it is already so, or why not
 * @example
 * setTariff({ type: 'SetTariff', roomId: 'A', effectiveFrom: now, baseFenPerHour: 6000, … }, state, DEFAULT_PARAMETERS) // => { ok: true, value: [{ type: 'TariffSet', … }] }
 */
export function setTariff(
  c: SetTariff,
  state: FeeState,
  params: PolicyParameters,
): Result<FeeEvent[]> {
  if (!isAdmin(c.actor))
    return fail(rooms.adminOnly('R-10', { 'zh-CN': '制定收费标准', en: 'set tariffs' }));
  if (!state.rooms.rooms.has(c.roomId)) return fail(rooms.unknownRoom(c.roomId));
  const tariff: Tariff = {
    roomId: c.roomId,
    effectiveFrom: c.effectiveFrom,
    baseFenPerHour: c.baseFenPerHour,
    energyFenPerHour: c.energyFenPerHour,
    wearFenPerHour: c.wearFenPerHour ?? {},
    cleaningFenPerBooking: c.cleaningFenPerBooking,
  };
  const same = (state.tariffs.get(c.roomId) ?? []).find((v) => v.effectiveFrom === c.effectiveFrom);
  if (same && sameJson(same, tariff)) return ok([]);
  if (c.effectiveFrom < c.now)
    return fail(why.retroactiveTariff(c.effectiveFrom, params.time.zone));
  return ok([{ type: 'TariffSet', roomId: c.roomId, tariff, by: c.actor.id, at: c.now }]);
}
