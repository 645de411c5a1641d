/**
 * One gesture, one command: a tap while a command is in flight is ignored, and a tap of the same
 * control within `repeatMs` after its command finished is the same gesture (a double tap, a
 * bounce) and ignored too. A different control right after a finished command is a new gesture:
 * nothing is in flight and nothing repeats. Measuring from the end of the command (not from the
 * tap) means a slow write never lets the second half of a double tap through. Time here is the
 * page's monotonic clock, not the door's: it measures fingers, not meetings.
 */
export class GestureGuard {
  readonly #repeatMs: number;
  readonly #monotonic: () => number;
  #inFlight: string | undefined;
  #last: { key: string; at: number } | undefined;

  /**
   * @param repeatMs - how soon after its command a second tap of the same control is the same gesture (default 800 ms)
   * @param monotonic - the page's clock (default `performance.now`)
   */
  constructor(repeatMs = 800, monotonic: () => number = () => performance.now()) {
    this.#repeatMs = repeatMs;
    this.#monotonic = monotonic;
  }

  /** The control whose command is in flight, if any. */
  get inFlight(): string | undefined {
    return this.#inFlight;
  }

  /**
   * Runs `work` as the gesture `key`, unless another is in flight or this one repeats the last.
   *
   * @param key - the control and what it acts on (`extend:b1:15`)
   * @param work - the command's run
   * @param onChange - told when the in-flight state changes (to disable buttons)
   * @returns `undefined` when the tap was ignored, else what `work` returned
   */
  async run<T>(key: string, work: () => Promise<T>, onChange: () => void): Promise<T | undefined> {
    if (this.#inFlight !== undefined) return undefined;
    const last = this.#last;
    if (last?.key === key && this.#monotonic() - last.at < this.#repeatMs) return undefined;
    this.#inFlight = key;
    onChange();
    try {
      return await work();
    } finally {
      this.#inFlight = undefined;
      this.#last = { key, at: this.#monotonic() };
      onChange();
    }
  }
}
