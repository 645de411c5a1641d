import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How long a confirmation stays, from its last showing. */
export const CONFIRMATION_MS = 4_000;

/**
 * The confirmations on screen (K-3: each action is confirmed once it is written), in a live region
 * of their own (`role="status"`, `aria-live="polite"`, always in the page) that the host renders
 * as it is: each message its own node and its own lifetime, so one never removes another; the same
 * words again are a new node, heard again, with a new lifetime. Newest first.
 */
export class ConfirmationsController implements ReactiveController {
  /** The live region: the host renders it (`${controller.region}`) where confirmations go. */
  readonly region: HTMLElement;
  readonly #lifetimeMs: number;
  readonly #timers = new Map<Element, ReturnType<typeof setTimeout>>();

  constructor(host: ReactiveControllerHost, lifetimeMs = CONFIRMATION_MS) {
    this.#lifetimeMs = lifetimeMs;
    this.region = document.createElement('div');
    this.region.className = 'confirmations';
    this.region.setAttribute('role', 'status');
    this.region.setAttribute('aria-live', 'polite');
    host.addController(this);
  }

  /** The words of the confirmations shown, newest first. */
  get messages(): readonly string[] {
    return [...this.region.children].map((p) => (p as HTMLElement).dataset['text'] ?? '');
  }

  /**
   * Shows a confirmation; the same words already shown are replaced by this showing (a new node,
   * heard again), its lifetime started over.
   *
   * @param text - the message
   */
  show(text: string): void {
    for (const p of [...this.region.children])
      if ((p as HTMLElement).dataset['text'] === text) this.#drop(p);
    const p = document.createElement('p');
    p.className = 'done';
    p.dataset['text'] = text;
    p.textContent = `✓ ${text}`;
    this.region.prepend(p);
    this.#timers.set(
      p,
      setTimeout(() => this.#drop(p), this.#lifetimeMs),
    );
  }

  #drop(p: Element): void {
    clearTimeout(this.#timers.get(p));
    this.#timers.delete(p);
    p.remove();
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    for (const p of [...this.region.children]) this.#drop(p);
  }
}
