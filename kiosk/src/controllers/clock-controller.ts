import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { kioskClock } from './clock.js';

/** Re-renders its host on every tick of the kiosk's clock (each second by default). */
export class ClockController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #every: number;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(host: ReactiveControllerHost, everyMs = 1_000) {
    this.#host = host;
    this.#every = everyMs;
    host.addController(this);
  }

  /** The time now, from the kiosk's clock. */
  get now(): number {
    return kioskClock.now();
  }

  hostConnected(): void {
    this.#timer = setInterval(() => this.#host.requestUpdate(), this.#every);
  }

  hostDisconnected(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }
}
