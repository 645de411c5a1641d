/**
 * Fires a component's event: it bubbles and leaves the shadow root (composed), so the screen that
 * drew the component hears it.
 *
 * @param from - the component
 * @param type - the event's name
 * @param detail - what it carries, if anything
 * @example
 * fire(this, 'pin-entered', { pin: '1234' })
 */
export const fire = (from: EventTarget, type: string, detail?: unknown): void => {
  from.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
};
