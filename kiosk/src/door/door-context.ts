import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Door } from './door.js';

/**
 * How an element asks for the door: it fires this event (bubbling, composed, so it leaves shadow
 * roots) when it connects; the nearest element above that provides a door answers through
 * `give`, at once and again whenever its door is replaced. The context protocol of
 * `@lit/context`, in the few lines the door needs (docs/decisions/kiosk-door-sign.md).
 */
export type DoorRequest = CustomEvent<{ give: (door: Door) => void }>;

/** The request's event type. */
export const DOOR_REQUEST = 'huiyi-door-request';

/**
 * Makes an element provide a door to every element below it that asks (the shell; a test's
 * wrapper).
 *
 * @param host - the providing element
 * @param door - the door, or a function reading the current one
 * @returns a function that gives a new door to everyone who asked
 */
export function provideDoor(host: HTMLElement, door: () => Door | undefined): (next: Door) => void {
  const takers = new Set<(door: Door) => void>();
  host.addEventListener(DOOR_REQUEST, (e) => {
    const request = e as DoorRequest;
    request.stopPropagation();
    takers.add(request.detail.give);
    const now = door();
    if (now) request.detail.give(now);
  });
  return (next) => {
    for (const give of takers) give(next);
  };
}

/**
 * Gives an element the door from the nearest provider above it, and draws the element again
 * whenever the door changes (a screen, a flash, a command in flight, the clock's tick).
 */
export class DoorController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  #door: Door | undefined;
  #unsubscribe: (() => void) | undefined;
  readonly #give = (door: Door): void => {
    this.#unsubscribe?.();
    this.#door = door;
    this.#unsubscribe = door.subscribe(() => this.#host.requestUpdate());
    this.#host.requestUpdate();
  };

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  /** The door, once a provider above gave it. */
  get door(): Door | undefined {
    return this.#door;
  }

  hostConnected(): void {
    this.#host.dispatchEvent(
      new CustomEvent(DOOR_REQUEST, {
        bubbles: true,
        composed: true,
        detail: { give: this.#give },
      }) satisfies DoorRequest,
    );
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }
}
