import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import { MINUTE } from '@huiyi/core';
import '../src/components/door-home.js';
import type { DoorHome } from '../src/components/door-home.js';
import { provideDoor } from '../src/door/door-context.js';
import { Door } from '../src/door/door.js';
import { hashPin } from '../src/services/settings.js';
import { $, T0, deep, deepText, demoService, manualClock } from './helpers.js';

/** The home screen alone, under a provider of a door with its own clock and service. */
async function home(roomId: string) {
  const { service, store } = await demoService();
  const clock = manualClock(T0);
  const door = new Door({
    service,
    clock,
    settings: { roomId, language: 'zh-CN', pin: await hashPin('2468'), device: 't' },
  });
  const host = await fixture<HTMLDivElement>(html`<div style="height: 800px"></div>`);
  provideDoor(host, () => door);
  const el = document.createElement('door-home') as DoorHome;
  host.append(el);
  await el.updateComplete;
  await nextFrame();
  const sign = () => deep(el.shadowRoot!, 'door-display')!;
  const actions = () =>
    [...el.shadowRoot!.querySelectorAll('nav button')].map((b) => b.textContent!.trim());
  return { el, door, clock, service, store, sign, actions };
}

describe('door-home', () => {
  it('K-1: draws the door it is given, at its clock: the meeting in progress and its actions', async () => {
    const { el, sign, actions } = await home('A');
    expect($(sign(), 'state-badge').getAttribute('state')).to.equal('in-use');
    expect(deepText(sign().shadowRoot!)).to.contain('剩余 33 分钟 · 至 10:35');
    expect(actions()).to.deep.equal(['参会签到', '延长', '提前结束']);
    await expect(el).to.be.accessible();
  });

  it('K-1, R-4: follows its own clock: waiting, then released as a no-show and free', async () => {
    const { el, door, clock, sign, actions } = await home('B');
    expect($(sign(), 'state-badge').getAttribute('state')).to.equal('waiting');
    expect(actions()[0]).to.equal('签到入场');
    expect($(sign(), '.hint').textContent).to.contain('10:20 前未签到入场');
    clock.set(T0 + 30 * MINUTE);
    door.changed();
    await el.updateComplete;
    await nextFrame();
    expect($(sign(), 'state-badge').getAttribute('state')).to.equal('free');
    expect(actions()).to.deep.equal(['现场预订']);
    await expect(el).to.be.accessible();
  });

  it('R-5: a tap on an action goes through the door: 现场预订 opens the walk-up screen', async () => {
    const { el, door } = await home('D');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="walk-up"]')!.click();
    expect(door.screen).to.deep.equal({ name: 'walk-up' });
  });
});
