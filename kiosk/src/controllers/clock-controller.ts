import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Ticks while its host is connected (each second by default): the door's clock moves on, so its
 * screens are drawn again and due no-shows are settled. It only counts seconds; the time itself
 * comes from the door's clock.
 */
export class ClockController implements ReactiveController {
  readonly #onTick: () => void;
  readonly #every: number;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(host: ReactiveControllerHost, onTick: () => void, everyMs = 1_000) {
    this.#onTick = onTick;
    this.#every = everyMs;
    host.addController(this);
  }

  hostConnected(): void {
    this.#timer = setInterval(this.#onTick, this.#every);
  }

  hostDisconnected(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }
}
