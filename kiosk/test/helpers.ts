// Shared by the kiosk's component tests: a fixed clock, the demo dealership over an in-memory
// log, a log whose writes the test holds or fails, and ways into the shadow DOM.
import { DEFAULT_PARAMETERS, demoCommands, type EventStore } from '@huiyi/core';
import { createMemoryEventStore } from '@huiyi/core/testing';
import type { KioskEvent } from '../src/services/kiosk-events.js';
import { KioskService } from '../src/services/kiosk-service.js';
import { memorySettingsStore, type SettingsStore } from '../src/services/settings.js';

/** Tuesday 10 March 2026, 10:02 in Shanghai: the demo's weekly review is in progress in room A. */
export const T0 = Date.parse('2026-03-10T10:02:00+08:00');
export const ZONE = DEFAULT_PARAMETERS.time.zone;

export { manualClock, type ManualClock } from '../src/door/clock.js';

/** An event log whose appends can be held until the test lets them through, or made to fail. */
export interface ControlledStore extends EventStore<KioskEvent> {
  /** Hold every append from now on until `release()` (or fail it with `fail()`). */
  hold(): void;
  /** Lets the held appends through, in order. */
  release(): void;
  /** Makes every append from now on reject with this error (`undefined`: append normally). */
  failWith(error: unknown): void;
  /** How many appends are waiting. */
  readonly waiting: number;
}

/**
 * Wraps a store: reads pass through, appends can be held or failed.
 *
 * @param inner - the real log
 * @returns the wrapper
 */
export function controlledStore(
  inner: EventStore<KioskEvent> = createMemoryEventStore<KioskEvent>(),
): ControlledStore {
  let holding = false;
  let failure: unknown;
  let held: (() => void)[] = [];
  return {
    append: async (events, options) => {
      if (failure !== undefined) throw failure;
      if (holding) await new Promise<void>((resolve) => held.push(resolve));
      return inner.append(events, options);
    },
    readStream: (stream) => inner.readStream(stream),
    readAfter: (position, limit) => inner.readAfter(position, limit),
    lastPosition: () => inner.lastPosition(),
    pending: (limit) => inner.pending(limit),
    acknowledge: (ids) => inner.acknowledge(ids),
    saveProjection: (name, version, position, state) =>
      inner.saveProjection(name, version, position, state),
    loadProjection: (name) => inner.loadProjection(name),
    close: () => inner.close(),
    hold: () => {
      holding = true;
    },
    release: () => {
      holding = false;
      const go = held;
      held = [];
      for (const resolve of go) resolve();
    },
    failWith: (error) => {
      failure = error;
    },
    get waiting() {
      return held.length;
    },
  };
}

/**
 * The demo dealership laid around `now`, in a fresh log.
 *
 * @param now - the demo's "now"
 * @param store - the log (default: a fresh controllable in-memory one)
 * @returns the service and its store
 */
export async function demoService(
  now = T0,
  store: ControlledStore = controlledStore(),
  settings: SettingsStore = memorySettingsStore(),
): Promise<{ service: KioskService; store: ControlledStore; settings: SettingsStore }> {
  const service = await KioskService.open(store, { device: 'test-tablet', settings });
  const seeded = await service.dispatchAll(demoCommands(now, ZONE));
  if (!seeded.ok) throw new Error(`demo refused: ${seeded.rejection.message.en}`);
  return { service, store, settings };
}

/** The first element matching `selector` in `el`'s shadow root, or fails. */
export function $<T extends Element = HTMLElement>(el: Element, selector: string): T {
  const found = el.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector} in <${el.localName}>`);
  return found;
}

/** Every element matching `selector` in `el`'s shadow root. */
export function $$<T extends Element = HTMLElement>(el: Element, selector: string): T[] {
  return [...(el.shadowRoot?.querySelectorAll<T>(selector) ?? [])];
}

/** Every element matching `selector` anywhere below `root`, through shadow roots. */
export function deepAll<T extends Element = HTMLElement>(
  root: Element | ShadowRoot,
  selector: string,
): T[] {
  const found = [...root.querySelectorAll<T>(selector)];
  for (const el of root.querySelectorAll('*'))
    if (el.shadowRoot) found.push(...deepAll<T>(el.shadowRoot, selector));
  return found;
}

/** The first element matching `selector` anywhere below `root`, through shadow roots. */
export function deep<T extends Element = HTMLElement>(
  root: Element | ShadowRoot,
  selector: string,
): T | undefined {
  const here = root.querySelector<T>(selector);
  if (here) return here;
  for (const el of root.querySelectorAll('*')) {
    const inner = el.shadowRoot ? deep<T>(el.shadowRoot, selector) : undefined;
    if (inner) return inner;
  }
  return undefined;
}

/** All text below `root`, through shadow roots, with aria-labels and input values. */
export function deepText(root: Element | ShadowRoot): string {
  let text = '';
  for (const node of root.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) text += node.textContent ?? '';
    if (node instanceof Element) {
      text += ` ${node.getAttribute('aria-label') ?? ''} `;
      if (node instanceof HTMLInputElement) text += ` ${node.value} `;
      if (node.shadowRoot) text += deepText(node.shadowRoot);
      text += deepText(node);
    }
  }
  return text;
}

/** The button in `el`'s shadow root whose text contains `label`, or fails. */
export function button(el: Element, label: string): HTMLButtonElement {
  const found = $$<HTMLButtonElement>(el, 'button').find((b) => b.textContent?.includes(label));
  if (!found) throw new Error(`no button "${label}" in <${el.localName}>`);
  return found;
}

/** Types into an input as a person would: sets the value and fires `input`. */
export function typeInto(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Draws a stroke on a canvas with pointer events, as a finger would: a pointerdown on the canvas,
 * moves with the left button held (`buttons: 1`) a frame or so apart, and a pointerup; all
 * composed, so they reach listeners outside the shadow root too.
 *
 * @param canvas - the canvas
 */
export async function drawOn(canvas: HTMLCanvasElement): Promise<void> {
  const r = canvas.getBoundingClientRect();
  const at = (fx: number, fy: number) => ({
    clientX: r.left + r.width * fx,
    clientY: r.top + r.height * fy,
  });
  const init = { bubbles: true, composed: true, cancelable: true, pointerId: 1, isPrimary: true };
  canvas.dispatchEvent(
    new PointerEvent('pointerdown', { ...init, ...at(0.1, 0.5), buttons: 1, pressure: 0.5 }),
  );
  for (let i = 1; i <= 8; i += 1) {
    await pause(20);
    canvas.dispatchEvent(
      new PointerEvent('pointermove', {
        ...init,
        ...at(0.1 + i * 0.09, 0.5 + (i % 2 === 0 ? -0.2 : 0.2)),
        buttons: 1,
        pressure: 0.5,
      }),
    );
  }
  await pause(20);
  canvas.dispatchEvent(new PointerEvent('pointerup', { ...init, ...at(0.85, 0.5), buttons: 0 }));
}

/** Whether `el`'s shadow root holds an element matching `selector` (a boolean: a failed assertion never has to print an element). */
export function has(el: Element, selector: string): boolean {
  return el.shadowRoot?.querySelector(selector) != null;
}

/** Picks a file in a file input as a person would. */
export function chooseFile(input: HTMLInputElement, name: string, text: string): void {
  const files = new DataTransfer();
  files.items.add(new File([text], name, { type: 'application/json' }));
  input.files = files.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** The first button anywhere below `root` whose text is `label` (or holds it), through shadow roots. */
export function deepButton(root: Element | ShadowRoot, label: string): HTMLButtonElement {
  const all = deepAll<HTMLButtonElement>(root, 'button');
  const found =
    all.find((b) => b.textContent?.trim() === label) ??
    all.find((b) => b.textContent?.includes(label));
  if (!found) throw new Error(`no button "${label}"`);
  return found;
}
