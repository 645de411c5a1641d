// The door's features for the corridor and the night (K-1, K-2, K-4, R-2, R-5): a countdown on
// every sub-screen, night dimming by the working calendar, the burn-in shift, and a later slot
// booked by tapping today's timeline. Each test moves its own clock.
import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import { MINUTE, createWorkingCalendar } from '@huiyi/core';
import type { HuiyiKiosk } from '../src/components/huiyi-kiosk.js';
import type { DayTimeline } from '../src/components/day-timeline.js';
import { atWork, defaultCalendar } from '../src/door/night.js';
import { setLocale } from '../src/i18n/localization.js';
import { $, T0, ZONE, deep, deepAll, deepButton, deepText, type ManualClock } from './helpers.js';
import { doorOf, moveClock, openShell, refusal, screenOf, settle, confirmed } from './shell.js';

const SECOND = 1000;
/** Tuesday 10 March 2026 at hh:mm in Shanghai (T0 is 10:02 that day). */
const tue = (h: number, m = 0) =>
  Date.parse(`2026-03-10T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00+08:00`);

/** The countdown on the footer, if shown. */
const timer = (el: HuiyiKiosk) => el.shadowRoot!.querySelector<HTMLElement>('[role="timer"]');

/** Moves the clock and lets the shell tick once, as each second does. */
async function tickAt(el: HuiyiKiosk, clock: ManualClock, t: number): Promise<void> {
  clock.set(t);
  el.tick();
  await settle(el);
}

/** Relative luminance and contrast (WCAG 2). */
function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
};

/** Taps today's timeline at the moment `t`, where it is drawn. */
function tapTimeline(el: HuiyiKiosk, t: number): void {
  const line = $(doorOf(el), 'day-timeline') as DayTimeline;
  const bar = line.shadowRoot!.querySelector<HTMLElement>('.bar')!;
  const r = bar.getBoundingClientRect();
  const f = (t - line.from) / (line.to - line.from);
  const point =
    r.width > r.height
      ? { clientX: r.left + f * r.width, clientY: r.top + r.height / 2 }
      : { clientX: r.left + r.width / 2, clientY: r.top + f * r.height };
  bar.dispatchEvent(new MouseEvent('click', { ...point, bubbles: true, composed: true }));
}

describe('the countdown on sub-screens (K-4)', () => {
  afterEach(() => setLocale('zh-CN'));

  it('K-4: every sub-screen shows the seconds left before it goes home, labelled and never announced; a touch starts them again', async () => {
    const { el, clock } = await openShell('D');
    expect(timer(el)).to.equal(null); // none at home
    deepButton(el.shadowRoot!, '现场预订').click();
    await screenOf(el, 'walk-up-panel');
    await settle(el);
    expect(timer(el)!.textContent!.trim()).to.equal('60 秒后返回');
    expect(timer(el)!.getAttribute('aria-label')).to.equal('60 秒后自动返回门口屏');
    // role="timer" is never live: a screen reader reads it when asked, not each second.
    expect(timer(el)!.hasAttribute('aria-live')).to.equal(false);
    await tickAt(el, clock, T0 + 15 * SECOND);
    expect(timer(el)!.textContent!.trim()).to.equal('45 秒后返回');
    await expect(el).to.be.accessible();
    window.dispatchEvent(new PointerEvent('pointerdown'));
    await settle(el);
    expect(timer(el)!.textContent!.trim()).to.equal('60 秒后返回');
    await tickAt(el, clock, T0 + 74 * SECOND);
    expect(el.screen).to.equal('walk-up');
    expect(timer(el)!.textContent!.trim()).to.equal('1 秒后返回');
    await tickAt(el, clock, T0 + 75 * SECOND);
    expect(el.screen).to.equal('home');
    expect(timer(el)).to.equal(null);
  });

  it('K-4, K-5: the countdown in English, on the settings and the PIN pad too', async () => {
    await setLocale('en');
    const { el, clock } = await openShell('A');
    el.shadowRoot!.querySelector<HTMLButtonElement>(
      'footer button[data-action="settings"]',
    )!.click();
    await screenOf(el, 'pin-pad');
    await tickAt(el, clock, T0 + 20 * SECOND);
    expect(timer(el)!.textContent!.trim()).to.equal('Back in 40 s');
    expect(timer(el)!.getAttribute('aria-label')).to.equal('Back to the door in 40 seconds');
    await expect(el).to.be.accessible();
  });
});

describe('night dimming by the working calendar (K-1, T-3)', () => {
  it('T-3: the door keeps the core default working calendar in the policy zone, and knows its hours', () => {
    const core = createWorkingCalendar({ zone: ZONE });
    expect(core.ok && core.value).to.deep.equal(defaultCalendar(ZONE));
    const cal = defaultCalendar(ZONE);
    expect(atWork(cal, tue(10, 2))).to.equal(true);
    expect(atWork(cal, tue(8, 59))).to.equal(false);
    expect(atWork(cal, tue(18))).to.equal(false);
    expect(atWork(cal, Date.parse('2026-03-14T11:00:00+08:00'))).to.equal(false); // a Saturday
  });

  it('K-1: an idle, free door dims out of working hours: black, its room and state still legible at 7:1 or more, no actions', async () => {
    const { el, clock } = await openShell('D');
    await tickAt(el, clock, T0 + 2 * MINUTE); // idle, but in working hours
    expect(el.hasAttribute('night')).to.equal(false);
    await tickAt(el, clock, tue(19, 30));
    expect(el.hasAttribute('night')).to.equal(true);
    const sign = doorOf(el);
    expect(sign.hasAttribute('night')).to.equal(true);
    const field = $(sign, '.field');
    const css = getComputedStyle(field);
    expect(css.backgroundColor).to.equal('rgb(0, 0, 0)');
    expect(contrast(css.color, css.backgroundColor)).to.be.at.least(7);
    expect(contrast(getComputedStyle($(sign, '.list')).color, 'rgb(0, 0, 0)')).to.be.at.least(7);
    expect($(sign, 'h1').textContent!.trim()).to.equal('洽谈室');
    expect($(sign, 'state-badge').getAttribute('state')).to.equal('free');
    expect(parseFloat(getComputedStyle($(sign, 'state-badge')).fontSize)).to.be.above(40);
    // The actions and the timeline are gone for the night.
    const nav = deep(el.shadowRoot!, 'nav')!;
    expect(nav.getBoundingClientRect().height).to.equal(0);
    expect($(sign, 'day-timeline').getBoundingClientRect().height).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('K-1: the first tap only wakes the dimmed door (nothing written, same screen); it dims again only after the idle time', async () => {
    const { el, clock, service } = await openShell('D');
    await tickAt(el, clock, tue(19, 30));
    const before = service.position;
    const wake = el.shadowRoot!.querySelector<HTMLElement>('.wake')!;
    // The tap lands where the primary action stands by day: on the overlay, which only wakes.
    window.dispatchEvent(new PointerEvent('pointerdown'));
    wake.click();
    await settle(el);
    expect(el.hasAttribute('night')).to.equal(false);
    expect(el.shadowRoot!.querySelector('.wake')).to.equal(null);
    expect(el.screen).to.equal('home');
    expect(service.position).to.equal(before);
    await tickAt(el, clock, tue(19, 30) + 59 * SECOND);
    expect(el.hasAttribute('night')).to.equal(false);
    await tickAt(el, clock, tue(19, 31) + SECOND);
    expect(el.hasAttribute('night')).to.equal(true);
  });

  it('T-3, K-1: not at night on a make-up working day, nor while the room is in use; dimmed on a weekend morning', async () => {
    const { el, clock } = await openShell('D');
    const saturday = Date.parse('2026-03-14T11:00:00+08:00');
    await tickAt(el, clock, saturday);
    expect(el.hasAttribute('night')).to.equal(true);
    const cal = createWorkingCalendar({ zone: ZONE, workdays: ['2026-03-14'] });
    el.calendar = cal.ok ? cal.value : undefined;
    await tickAt(el, clock, saturday + SECOND);
    expect(el.hasAttribute('night')).to.equal(false); // 调休: a working Saturday
    // In use in the evening (a walk-up at 19:30): the sign stays lit.
    el.calendar = undefined;
    clock.set(tue(19, 30));
    await el.door!.walkUp(30, 'p-liu');
    await tickAt(el, clock, tue(19, 30) + 2 * MINUTE);
    expect(el.door!.status()!.state).to.equal('in-use');
    expect(el.hasAttribute('night')).to.equal(false);
  });
});

describe('the burn-in shift (K-1)', () => {
  it('K-1: every 10 minutes everything moves to another of nine places within ±6 px, its size kept, and nothing on it leaves the screen', async () => {
    const { el, clock } = await openShell('A');
    const places = new Set<string>();
    const origin = el.getBoundingClientRect();
    const box = (sel: string) => el.shadowRoot!.querySelector(sel)!.getBoundingClientRect();
    let size: number[] | undefined;
    for (let i = 0; i < 9; i++) {
      await moveClock(el, clock, tue(11) + i * 10 * MINUTE);
      const [main, foot] = [box('main'), box('footer')];
      const dx = main.left - origin.left;
      const dy = main.top - origin.top;
      expect([Math.abs(dx), Math.abs(dy)].every((d) => d === 0 || d === 6)).to.equal(true);
      places.add(`${dx},${dy}`);
      // The same size each time, the footer moved with the rest.
      size ??= [main.width, main.height, foot.width, foot.height];
      expect([main.width, main.height, foot.width, foot.height]).to.deep.equal(size);
      expect([foot.left, foot.top]).to.deep.equal([main.left, main.bottom]);
      // Every word and control on it stays on the screen.
      for (const leaf of deepAll(
        el.shadowRoot!,
        'h1, button, time, state-badge, sync-badge, li, p',
      )) {
        const r = leaf.getBoundingClientRect();
        if (r.width === 0) continue;
        expect(
          r.left >= origin.left &&
            r.top >= origin.top &&
            r.right <= origin.right + 0.5 &&
            r.bottom <= origin.bottom + 0.5,
          leaf.localName,
        ).to.equal(true);
      }
      // Within the 10 minutes it stays put.
      await moveClock(el, clock, tue(11) + i * 10 * MINUTE + 9 * MINUTE);
      expect(box('main').left).to.equal(main.left);
    }
    expect(places.size).to.equal(9);
  });
});

describe('a later slot booked from the timeline (R-2, R-5)', () => {
  afterEach(() => setLocale('zh-CN'));

  it('R-2, R-5: a tap on a free later part of the day offers the lengths from its quarter hour, capped at the next booking; a name books it, once', async () => {
    const { el, service } = await openShell('A');
    // Room A: 09:35–10:35 in use, 新员工质量培训 13:00–13:30. A tap at 12:40 offers 12:30 on.
    tapTimeline(el, tue(12, 40));
    const panel = await screenOf(el, 'walk-up-panel');
    await settle(el);
    expect($(panel, 'h1').textContent!.trim()).to.equal('预订 12:30 起');
    const lengths = [...panel.shadowRoot!.querySelectorAll('.lengths button')].map((b) =>
      b.textContent!.trim(),
    );
    expect(lengths).to.deep.equal(['15 分钟，至 12:45', '30 分钟，至 13:00']);
    expect(timer(el)!.textContent!.trim()).to.equal('60 秒后返回');
    await expect(el).to.be.accessible();
    await aTimeout(550); // past a double tap's second half
    const before = service.position;
    const liu = deep<HTMLButtonElement>(panel.shadowRoot!, 'button[data-person="p-liu"]')!;
    liu.click();
    liu.click(); // one gesture, one command
    await confirmed(el, '已预订 12:30–12:45');
    expect(service.position).to.equal(before + 1);
    const booked = [...service.state.bookings.rooms.get('A')!.bookings.values()].find(
      (b) => b.topic === '门口预订',
    )!;
    expect([booked.start, booked.end, booked.organizerId, booked.status]).to.deep.equal([
      tue(12, 30),
      tue(12, 45),
      'p-liu',
      'confirmed',
    ]);
    expect(el.screen).to.equal('home');
  });

  it('R-5: a tap on the quarter hour under way books now (the walk-up); a double tap never books by its second half', async () => {
    const { el, service } = await openShell('D');
    tapTimeline(el, tue(10, 5));
    await screenOf(el, 'walk-up-panel');
    expect(el.screen).to.equal('walk-up');
    el.door!.home();
    await settle(el);
    tapTimeline(el, tue(15, 20));
    const panel = await screenOf(el, 'walk-up-panel');
    await settle(el);
    const before = service.position;
    // The second half of a double tap on the timeline lands on a name: ignored.
    deep<HTMLButtonElement>(panel.shadowRoot!, 'button[data-person="p-liu"]')!.click();
    await aTimeout(100);
    expect(service.position).to.equal(before);
    expect(el.screen).to.equal('book');
  });

  it('R-2: a tap inside a booking or in the past is refused in words, with its rule, and nothing opens', async () => {
    const { el, service } = await openShell('A');
    const before = service.position;
    tapTimeline(el, tue(13, 10));
    await waitUntil(() => refusal(el).includes('R-2'), 'no refusal');
    expect(refusal(el)).to.contain('一号会议室');
    expect(el.screen).to.equal('home');
    el.door!.dismiss();
    tapTimeline(el, tue(8, 20));
    await waitUntil(() => refusal(el).includes('已经过去'), 'no refusal for the past');
    expect(refusal(el)).to.contain('R-2');
    expect(el.screen).to.equal('home');
    expect(service.position).to.equal(before);
    await expect(el).to.be.accessible();
  });

  it('R-2, K-5: in English the refusal and the screen speak English', async () => {
    await setLocale('en');
    const { el } = await openShell('A');
    tapTimeline(el, tue(13, 10));
    await waitUntil(() => refusal(el).includes('R-2'), 'no refusal');
    expect(deepText(el.shadowRoot!)).to.match(/busy|booked/i);
    el.door!.dismiss();
    tapTimeline(el, tue(16, 5));
    const panel = await screenOf(el, 'walk-up-panel');
    await settle(el);
    expect($(panel, 'h1').textContent!.trim()).to.equal('Book from 16:00');
  });
});
