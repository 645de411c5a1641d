import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Keeps the screen on while the kiosk is shown (K-4), asking again whenever the page comes back
 * into view (the browser drops the lock when it is hidden). Where the Wake Lock API is missing or
 * refuses, `state` says so and the tablet's own settings must keep the screen on.
 */
export class WakeLockController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #sentinel: WakeLockSentinel | undefined;
  state: 'held' | 'released' | 'unsupported' | 'refused' = 'released';
  readonly #onVisible = (): void => {
    if (document.visibilityState === 'visible') void this.#request();
  };

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  async #request(): Promise<void> {
    if (!('wakeLock' in navigator)) {
      this.state = 'unsupported';
      return;
    }
    try {
      this.#sentinel = await navigator.wakeLock.request('screen');
      this.state = 'held';
      this.#sentinel.addEventListener('release', () => {
        this.state = 'released';
        this.#host.requestUpdate();
      });
    } catch {
      this.state = 'refused';
    }
    this.#host.requestUpdate();
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.#onVisible);
    void this.#request();
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.#onVisible);
    void this.#sentinel?.release();
  }
}
