import type { ReactiveController, ReactiveControllerHost } from 'lit';

const ACTIVITY = ['pointerdown', 'keydown', 'input', 'wheel'] as const;

/**
 * Calls `onIdle` once nobody has touched the screen for `timeoutMs` (K-4: back to the home screen
 * after 60 s). Any touch starts the wait again.
 */
export class IdleController implements ReactiveController {
  readonly #onIdle: () => void;
  #timeoutMs: number;
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #touch = (): void => this.reset();

  constructor(host: ReactiveControllerHost, timeoutMs: number, onIdle: () => void) {
    this.#timeoutMs = timeoutMs;
    this.#onIdle = onIdle;
    host.addController(this);
  }

  /** Changes the wait (from the policy in force) and starts it again. */
  set timeoutMs(ms: number) {
    this.#timeoutMs = ms;
    this.reset();
  }

  /** Starts the wait again, as a touch does. */
  reset(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#onIdle(), this.#timeoutMs);
  }

  hostConnected(): void {
    for (const type of ACTIVITY)
      window.addEventListener(type, this.#touch, { capture: true, passive: true });
    this.reset();
  }

  hostDisconnected(): void {
    for (const type of ACTIVITY) window.removeEventListener(type, this.#touch, { capture: true });
    clearTimeout(this.#timer);
  }
}
