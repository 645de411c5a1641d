import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** One confirmation on screen. */
export interface Confirmation {
  /** A new one for every showing: a repeat is a new node, so a screen reader hears it again. */
  readonly key: number;
  readonly text: string;
}

/** How long a confirmation stays, from its last showing. */
export const CONFIRMATION_MS = 4_000;

/**
 * The confirmations on screen (K-3: each action is confirmed once it is written): each its own
 * lifetime, so one never removes another; the same message again is shown again, its lifetime
 * started over. Newest first. The host renders {@link messages} inside a live region.
 */
export class ConfirmationsController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #lifetimeMs: number;
  #messages: Confirmation[] = [];
  readonly #timers = new Map<number, ReturnType<typeof setTimeout>>();
  #next = 0;

  constructor(host: ReactiveControllerHost, lifetimeMs = CONFIRMATION_MS) {
    this.#host = host;
    this.#lifetimeMs = lifetimeMs;
    host.addController(this);
  }

  /** The confirmations shown, newest first. */
  get messages(): readonly Confirmation[] {
    return this.#messages;
  }

  /**
   * Shows a confirmation; the same text already shown is replaced by this showing (a new node,
   * heard again), its lifetime started over.
   *
   * @param text - the message
   */
  show(text: string): void {
    for (const m of this.#messages.filter((m) => m.text === text)) this.#drop(m.key);
    this.#next += 1;
    const key = this.#next;
    this.#messages = [{ key, text }, ...this.#messages];
    this.#timers.set(
      key,
      setTimeout(() => {
        this.#drop(key);
        this.#host.requestUpdate();
      }, this.#lifetimeMs),
    );
    this.#host.requestUpdate();
  }

  /** Takes every confirmation off the screen (back to the home screen). */
  clear(): void {
    for (const m of this.#messages) this.#drop(m.key);
    this.#host.requestUpdate();
  }

  #drop(key: number): void {
    clearTimeout(this.#timers.get(key));
    this.#timers.delete(key);
    this.#messages = this.#messages.filter((m) => m.key !== key);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    for (const t of this.#timers.values()) clearTimeout(t);
    this.#timers.clear();
    this.#messages = [];
  }
}
