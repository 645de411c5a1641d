import type { ReactiveController, ReactiveControllerHost } from 'lit';

const ACTIVITY = ['pointerdown', 'keydown', 'input', 'wheel'] as const;

/**
 * How long nobody has touched the screen, by the door's clock (K-4: back to the home screen after
 * 60 s untouched; the countdown on sub-screens; night dimming). Any touch starts the wait again and
 * redraws the host; the host's tick asks {@link IdleController.left} and acts on it.
 */
export class IdleController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #now: () => number;
  /** How long the screen waits untouched (from the policy in force). */
  timeoutMs: number;
  /** When the screen was last touched, by the door's clock. */
  touchedAt: number;
  readonly #touch = (): void => {
    this.reset();
    this.#host.requestUpdate();
  };

  constructor(host: ReactiveControllerHost, timeoutMs: number, now: () => number) {
    this.#host = host;
    this.#now = now;
    this.timeoutMs = timeoutMs;
    this.touchedAt = now();
    host.addController(this);
  }

  /** Starts the wait again, as a touch does. */
  reset(): void {
    this.touchedAt = this.#now();
  }

  /** What is left of the wait, in ms (0 or less: idle). */
  left(): number {
    return this.touchedAt + this.timeoutMs - this.#now();
  }

  hostConnected(): void {
    for (const type of ACTIVITY)
      window.addEventListener(type, this.#touch, { capture: true, passive: true });
    this.reset();
  }

  hostDisconnected(): void {
    for (const type of ACTIVITY) window.removeEventListener(type, this.#touch, { capture: true });
  }
}
