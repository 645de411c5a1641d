import type { EquipmentKind } from '../rooms/room.js';
import type { Instant } from '../time/instant.js';
import type { Fen } from './money.js';

/**
 * A room's tariff from a moment on: every rate in whole fen. A booking is charged by the
 * version in force when its charge starts (check-in, or the start of a no-show).
 */
export interface Tariff {
  readonly roomId: string;
  /** In force from this instant until the next version's. */
  readonly effectiveFrom: Instant;
  /** The room itself, per hour. */
  readonly baseFenPerHour: Fen;
  /** Energy (light, air conditioning), per hour. */
  readonly energyFenPerHour: Fen;
  /** Wear per hour of each kind of equipment the booking uses; a kind not named costs nothing. */
  readonly wearFenPerHour: Readonly<Partial<Record<EquipmentKind, Fen>>>;
  /** Cleaning after each booking that used the room. */
  readonly cleaningFenPerBooking: Fen;
}

/**
 * The version of a room's tariff in force at an instant: the newest one that has started.
 *
 * @param versions - the room's versions, oldest first
 * @param t - the instant
 * @returns the version, or `undefined` before the first (the room is free)
 * @example
 * tariffAt([{ effectiveFrom: 0, … }, { effectiveFrom: 100, … }], 99).effectiveFrom // => 0
 */
export function tariffAt(versions: readonly Tariff[], t: Instant): Tariff | undefined {
  let lo = 0;
  let hi = versions.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((versions[mid] as Tariff).effectiveFrom <= t) lo = mid + 1;
    else hi = mid;
  }
  return versions[lo - 1];
}

/**
 * A room's versions with one more: in order of their start, replacing one that starts at the
 * same instant.
 *
 * @param versions - the room's versions, oldest first
 * @param tariff - the new version
 * @returns a new list, oldest first
 * @example
 * withTariff([], tariff).length // => 1
 */
export function withTariff(versions: readonly Tariff[], tariff: Tariff): Tariff[] {
  const out = versions.filter((v) => v.effectiveFrom !== tariff.effectiveFrom);
  const at = out.findIndex((v) => v.effectiveFrom > tariff.effectiveFrom);
  out.splice(at < 0 ? out.length : at, 0, tariff);
  return out;
}
