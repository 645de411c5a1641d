import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import {
  DEFAULT_PARAMETERS,
  DEMO_PEOPLE,
  DEMO_ROOMS,
  MINUTE,
  type DoorBooking,
  type DoorStatus,
} from '@huiyi/core';
import '../src/components/door-display.js';
import type { DoorDisplay } from '../src/components/door-display.js';
import { setLocale } from '../src/i18n/localization.js';
import { $, $$, T0, ZONE, deepText } from './helpers.js';

const people = new Map(DEMO_PEOPLE.map((p) => [p.id, p]));
const at = (hhmm: string) => Date.parse(`2026-03-10T${hhmm}:00+08:00`);
const booking = (over: Partial<DoorBooking> & { id: string }): DoorBooking => ({
  start: at('09:35'),
  end: at('10:35'),
  topic: '售后周例会',
  organizerId: 'p-wang',
  confidential: false,
  status: 'confirmed',
  walkUp: false,
  ...over,
});

const weekly = booking({ id: 'weekly', status: 'checked-in' });
const training = booking({
  id: 'training',
  start: at('13:00'),
  end: at('13:30'),
  topic: '新员工质量培训',
  organizerId: 'p-huang',
});
const pending = booking({
  id: 'review',
  start: at('15:00'),
  end: at('16:00'),
  topic: '配件盘点复核',
  status: 'pending',
});
const inUse: DoorStatus = {
  state: 'in-use',
  current: weekly,
  next: training,
  minutesLeft: Math.ceil((weekly.end - T0) / MINUTE),
  freeFrom: weekly.end,
  today: [weekly, training, pending],
};

function show(status: DoorStatus, room = DEMO_ROOMS[0]!) {
  return fixture<DoorDisplay>(
    html`<door-display
      .room=${room}
      .status=${status}
      .people=${people}
      .houseRules=${DEFAULT_PARAMETERS.rooms.houseRules}
      .now=${T0}
      .zone=${ZONE}
    ></door-display>`,
  );
}

describe('door-display', () => {
  it('K-1: shows the room, its state, the meeting now with organizer and minutes left, and the clock', async () => {
    const el = await show(inUse);
    expect($(el, 'h1').textContent!.trim()).to.equal('一号会议室');
    expect($(el, '.where').textContent).to.equal('售后服务楼 2 层');
    expect($(el, 'state-badge').getAttribute('state')).to.equal('in-use');
    expect($(el, '[data-testid="current-topic"]').textContent).to.equal('售后周例会');
    const meta = $(el, '.meta').textContent!;
    expect(meta).to.contain('09:35–10:35');
    expect(meta).to.contain('组织者：王建国');
    expect($(el, '.left').textContent).to.contain('剩余 33 分钟');
    expect($(el, 'time.clock').textContent).to.equal('10:02');
    expect($(el, 'time.clock').getAttribute('datetime')).to.equal(new Date(T0).toISOString());
    await expect(el).to.be.accessible();
  });

  it("K-1: lists today's next bookings after the current one, a pending one marked", async () => {
    const el = await show(inUse);
    const rows = $$(el, 'ol li').map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(rows).to.have.length(2);
    expect(rows[0]).to.contain('13:00–13:30').and.to.contain('新员工质量培训');
    expect(rows[1])
      .to.contain('15:00–16:00')
      .and.to.contain('配件盘点复核')
      .and.to.contain('待审批');
    expect(rows.join()).not.to.contain('售后周例会');
    await expect(el).to.be.accessible();
  });

  it('R-6: shows the house rules in the current language', async () => {
    const el = await show(inUse);
    const rules = $$(el, '.rules li').map((li) => li.textContent);
    expect(rules).to.deep.equal(['严禁吸烟', '严禁进食', '手机调至静音或振动']);
    await expect(el).to.be.accessible();
  });

  it('K-5: in English, the labels and house rules are English', async () => {
    await setLocale('en');
    try {
      const el = await show(inUse);
      expect($$(el, '.rules li').map((li) => li.textContent)).to.deep.equal([
        'No smoking',
        'No food',
        'Phones on silent',
      ]);
      expect($(el, '.left').textContent).to.contain('33 min left · until 10:35');
      expect($(el, '#today').textContent).to.equal('Later today');
      expect($(el, 'state-badge').shadowRoot!.textContent).to.contain('In use');
      await expect(el).to.be.accessible();
    } finally {
      await setLocale('zh-CN');
    }
  });

  it('R-8: a confidential meeting shows neither its topic nor its organizer', async () => {
    const secret = booking({
      id: 'secret',
      start: at('10:00'),
      end: at('11:00'),
      topic: undefined,
      organizerId: 'p-wu',
      confidential: true,
      status: 'checked-in',
    });
    const later = booking({
      id: 'secret-2',
      start: at('14:00'),
      end: at('15:00'),
      topic: undefined,
      organizerId: 'p-wu',
      confidential: true,
    });
    const el = await show(
      {
        state: 'in-use',
        current: secret,
        next: later,
        minutesLeft: 58,
        freeFrom: secret.end,
        today: [secret, later],
      },
      DEMO_ROOMS[2],
    );
    const text = deepText(el.shadowRoot!);
    expect(text).to.contain('保密会议');
    expect(text).not.to.contain('吴刚');
    expect(text).not.to.contain('p-wu');
    expect(text).not.to.contain('组织者');
    expect(text).not.to.contain('年度索赔审计');
    expect($$(el, 'ol li')[0]!.textContent).to.contain('保密会议');
    await expect(el).to.be.accessible();
  });

  it('K-1: a free room says until when, or that nothing more is booked today', async () => {
    const free = await show({
      state: 'free',
      next: training,
      minutesLeft: 178,
      freeFrom: T0,
      today: [training],
    });
    expect($(free, 'state-badge').getAttribute('state')).to.equal('free');
    expect($(free, '.left').textContent).to.contain('空闲至 13:00');
    await expect(free).to.be.accessible();
    fixtureCleanup();
    const empty = await show({ state: 'free', freeFrom: T0, today: [] });
    expect($(empty, '.left').textContent).to.contain('今天再无预订');
    expect($(empty, '#today + p').textContent).to.equal('无');
    await expect(empty).to.be.accessible();
  });

  it('R-4: a meeting waiting for check-in asks for it at the door', async () => {
    const soon = booking({
      id: 'soon',
      start: at('10:10'),
      end: at('10:55'),
      topic: '客户投诉分析会',
    });
    const el = await show({
      state: 'waiting',
      current: soon,
      minutesLeft: 53,
      freeFrom: soon.end,
      today: [soon],
    });
    expect($(el, 'state-badge').getAttribute('state')).to.equal('waiting');
    expect($(el, '.left').textContent).to.contain('10:10 开始');
    el.releaseAt = at('10:20');
    await el.updateComplete;
    expect($(el, '.hint').textContent).to.contain('10:20 前未签到入场，会议室将被释放');
    await expect(el).to.be.accessible();
  });

  it('K-1: the state fills its field by colour, word and shape, each colour at least 7:1 with its text', async () => {
    const seen = new Map<string, string>();
    for (const state of ['free', 'starting-soon', 'waiting', 'in-use'] as const) {
      fixtureCleanup();
      const el = await show({ ...inUse, state });
      const field = $(el, '.field');
      const style = getComputedStyle(field);
      // The waiting field is striped: its ground is its first stripe.
      const ground =
        style.backgroundColor !== 'rgba(0, 0, 0, 0)'
          ? style.backgroundColor
          : /rgb\([^)]*\)/.exec(style.backgroundImage)![0];
      expect(contrast(ground, style.color), state).to.be.at.least(7);
      seen.set(state, `${ground} ${style.backgroundImage}`);
      expect($(el, 'state-badge').shadowRoot!.querySelector('svg'), state).to.not.equal(null);
      // Chinese first, an English line for visitors.
      expect($(el, '.state-en').getAttribute('lang')).to.equal('en');
      await expect(el).to.be.accessible();
    }
    expect(new Set(seen.values()).size, 'four looks').to.equal(4);
  });

  it('K-1: a long room name shrinks to its line rather than break, and the day is drawn as a timeline', async () => {
    const long = {
      ...DEMO_ROOMS[0]!,
      name: '售后多功能培训会议室',
      location: '售后服务楼 3 层东侧走廊尽头',
    };
    const el = await show(inUse, long);
    const h1 = $(el, 'h1');
    expect(h1.scrollWidth).to.be.at.most(h1.clientWidth + 1);
    expect(h1.getBoundingClientRect().height).to.be.below(
      parseFloat(getComputedStyle(h1).fontSize) * 1.5,
    );
    const timeline = $(el, 'day-timeline');
    const blocks = [...timeline.shadowRoot!.querySelectorAll('.block')];
    expect(blocks.map((b) => b.className)).to.deep.equal([
      'block now',
      'block later',
      'block pending',
    ]);
    expect(timeline.shadowRoot!.querySelector('.now-line')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });
});

/** The contrast ratio of two CSS rgb() colours (WCAG). */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = c
      .match(/\d+(\.\d+)?/g)!
      .slice(0, 3)
      .map(Number)
      .map((v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}
