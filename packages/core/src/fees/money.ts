/** An amount of money in fen (分), always a whole number: 100 fen make one yuan. */
export type Fen = number;

/** The largest amount a command may name: 100 million yuan. Sums stay exact far beyond it. */
export const MAX_FEN: Fen = 10_000_000_000;

/**
 * Writes fen as yuan with two decimals, by integer division (never through a float).
 *
 * @param fen - a whole number of fen, possibly negative
 * @returns the amount in yuan: digits, a point, two digits
 * @example
 * formatYuan(123456) // => '1234.56'
 * formatYuan(-5) // => '-0.05'
 */
export function formatYuan(fen: Fen): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`not a whole number of fen: ${fen}`);
  const abs = Math.abs(fen);
  const yuan = Math.trunc(abs / 100);
  const cents = abs - yuan * 100;
  return `${fen < 0 ? '-' : ''}${yuan}.${String(cents).padStart(2, '0')}`;
}

/**
 * A rate per hour for some minutes, rounded up to a whole fen: `⌈rate × minutes / 60⌉`, in
 * integers only. Never negative for a rate and minutes that are not, and never smaller for more
 * minutes (the ceiling of a non-decreasing quantity).
 *
 * @param fenPerHour - the rate, whole fen per hour
 * @param minutes - whole minutes
 * @returns whole fen
 * @example
 * prorate(1000, 30) // => 500
 * prorate(1001, 30) // => 501 (500.5 rounded up)
 */
export function prorate(fenPerHour: Fen, minutes: number): Fen {
  const product = fenPerHour * minutes;
  return Math.floor(product / 60) + (product % 60 === 0 ? 0 : 1);
}
