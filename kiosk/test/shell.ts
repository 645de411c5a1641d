// The kiosk's shell in a component test: the demo dealership, its own clock and service, and ways
// to read the door it shows.
import { fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import '../src/components/huiyi-kiosk.js';
import type { HuiyiKiosk } from '../src/components/huiyi-kiosk.js';
import type { KioskService } from '../src/services/kiosk-service.js';
import { hashPin, type KioskSettings, type SettingsStore } from '../src/services/settings.js';
import {
  $,
  T0,
  deep,
  deepAll,
  deepText,
  demoService,
  manualClock,
  type ControlledStore,
  type ManualClock,
} from './helpers.js';

/** A shell on the demo (or the given service), serving `roomId`, at `T0` on its own clock. */
export async function openShell(
  roomId: string | undefined,
  given?: { service: KioskService; store: ControlledStore; settings?: SettingsStore },
): Promise<{
  el: HuiyiKiosk;
  service: KioskService;
  store: ControlledStore;
  clock: ManualClock;
  kept?: SettingsStore;
}> {
  const demo = given ?? (await demoService());
  const clock = manualClock(T0);
  const settings: KioskSettings = {
    roomId,
    language: 'zh-CN',
    pin: await hashPin('2468'),
    device: 'test-tablet',
  };
  const el = await fixture<HuiyiKiosk>(
    html`<huiyi-kiosk
      .service=${demo.service}
      .settings=${settings}
      .clock=${clock}
    ></huiyi-kiosk>`,
  );
  await settle(el);
  const kept = demo.settings ? { kept: demo.settings } : {};
  return { el, service: demo.service, store: demo.store, clock, ...kept };
}

/** Waits for the shell and the screens inside it to draw. */
export async function settle(el: HuiyiKiosk): Promise<void> {
  await el.updateComplete;
  await nextFrame();
  await nextFrame();
}

/** Moves the shell's clock and waits for the door to follow. */
export async function moveClock(el: HuiyiKiosk, clock: ManualClock, t: number): Promise<void> {
  clock.set(t);
  el.door?.changed();
  await settle(el);
}

/** The door sign on the home screen. */
export const doorOf = (el: HuiyiKiosk): HTMLElement => {
  const d = deep(el.shadowRoot!, 'door-display');
  if (!d) throw new Error('no door-display');
  return d;
};
/** All the sign's text. */
export const doorText = (el: HuiyiKiosk) => deepText(doorOf(el).shadowRoot!);
/** The room's state as the sign says it. */
export const stateOf = (el: HuiyiKiosk) => $(doorOf(el), 'state-badge').getAttribute('state');
/** The home screen's action buttons, in order. */
export const navButtons = (el: HuiyiKiosk) =>
  deepAll(el.shadowRoot!, 'door-home')
    .flatMap((h) => [...h.shadowRoot!.querySelectorAll('nav button')])
    .map((b) => b.textContent!.replace(/\s+/g, ' ').trim());
/** The home screen's upkeep buttons beside the day (checklist, power-off, fault), in order. */
export const toolButtons = (el: HuiyiKiosk) =>
  deepAll(el.shadowRoot!, 'door-home')
    .flatMap((h) => [...h.shadowRoot!.querySelectorAll('.tools button')])
    .map((b) => b.textContent!.replace(/\s+/g, ' ').trim());
/** The confirmation shown, if any. */
export const doneText = (el: HuiyiKiosk) =>
  el.shadowRoot!.querySelector('.done')?.textContent ?? '';
/** Every refusal shown, on any screen. */
export const refusal = (el: HuiyiKiosk) =>
  deepAll(el.shadowRoot!, 'rejection-note')
    .map((r) => r.shadowRoot?.textContent ?? '')
    .join(' ');

/** Waits for a confirmation holding `text`. */
export const confirmed = (el: HuiyiKiosk, text: string) =>
  waitUntil(() => doneText(el).includes(text), `no confirmation "${text}"`, { timeout: 3000 });

/** Waits for a screen's element and returns it. */
export async function screenOf<T extends HTMLElement = HTMLElement>(
  el: HuiyiKiosk,
  tag: string,
): Promise<T> {
  await waitUntil(() => deep(el.shadowRoot!, tag), `no <${tag}>`, { timeout: 3000 });
  return deep<T>(el.shadowRoot!, tag)!;
}
