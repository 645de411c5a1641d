/**
 * One gesture, one command: a tap while a command is in flight is ignored; a tap of the same
 * control within `repeatMs` of the last is the same gesture (a double tap, a bounce) and ignored
 * too; and any tap within `settleMs` of the last gesture is ignored, whatever it lands on: a
 * screen that changed under the finger (a list that reflowed, a button that appeared) never takes
 * the second half of a double tap as a new gesture. Time here is the page's monotonic clock, not
 * the door's: it measures fingers, not meetings.
 */
export class GestureGuard {
  readonly #repeatMs: number;
  readonly #settleMs: number;
  readonly #monotonic: () => number;
  #inFlight: string | undefined;
  #last: { key: string; at: number } | undefined;

  /**
   * @param repeatMs - how close a second tap of the same control is the same gesture (default 1 s)
   * @param settleMs - how close any second tap is (default 400 ms: no finger taps two things faster)
   * @param monotonic - the page's clock (default `performance.now`)
   */
  constructor(repeatMs = 1_000, settleMs = 400, monotonic: () => number = () => performance.now()) {
    this.#repeatMs = repeatMs;
    this.#settleMs = settleMs;
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
    const at = this.#monotonic();
    if (this.#inFlight !== undefined) return undefined;
    const since = this.#last ? at - this.#last.at : Infinity;
    if (since < this.#settleMs || (this.#last?.key === key && since < this.#repeatMs))
      return undefined;
    this.#last = { key, at };
    this.#inFlight = key;
    onChange();
    try {
      return await work();
    } finally {
      this.#inFlight = undefined;
      onChange();
    }
  }
}
