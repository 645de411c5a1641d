import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { DEMO_PEOPLE, MINUTE } from '@huiyi/core';
import '../src/components/walk-up-panel.js';
import type { WalkUpOption, WalkUpPanel } from '../src/components/walk-up-panel.js';
import type { PersonPicker } from '../src/components/person-picker.js';
import { $, $$, T0, ZONE } from './helpers.js';

const start = Math.floor(T0 / MINUTE) * MINUTE;
// The next booking at 10:40: 60 min is capped there.
const options: WalkUpOption[] = [
  { minutes: 15, end: start + 15 * MINUTE },
  { minutes: 30, end: start + 30 * MINUTE },
  { minutes: 60, end: Date.parse('2026-03-10T10:40:00+08:00'), capped: true },
];

const panel = () =>
  fixture<WalkUpPanel>(
    html`<walk-up-panel .options=${options} .people=${DEMO_PEOPLE} .zone=${ZONE}></walk-up-panel>`,
  );

const picker = (el: WalkUpPanel) => $<PersonPicker>(el, 'person-picker');

describe('walk-up-panel', () => {
  it('R-5: offers each length with the time it really ends, capped at the next booking', async () => {
    const el = await panel();
    const labels = $$(el, 'button[data-minutes]').map((b) => b.textContent!.trim());
    // Capped, a length says only when it really ends.
    expect(labels).to.deep.equal(['15 分钟，至 10:17', '30 分钟，至 10:32', '至 10:40']);
    expect($(el, 'button[data-minutes="15"]').getAttribute('aria-pressed')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('R-5: choose a length, then a person: fires walk-up with the minutes and the person', async () => {
    const el = await panel();
    $(el, 'button[data-minutes="60"]').click();
    await el.updateComplete;
    expect($(el, 'button[data-minutes="60"]').getAttribute('aria-pressed')).to.equal('true');
    expect($(el, 'button[data-minutes="15"]').getAttribute('aria-pressed')).to.equal('false');
    const booked = oneEvent(el, 'walk-up');
    $(picker(el), 'button[data-person="p-liu"]').click();
    const e = (await booked) as CustomEvent<{ minutes: number; personId: string }>;
    expect(e.detail).to.deep.equal({ minutes: 60, personId: 'p-liu' });
    await expect(el).to.be.accessible();
  });

  it('R-5: without a choice the first length is booked, and person-picked does not leak out', async () => {
    const el = await panel();
    let leaked = false;
    el.addEventListener('person-picked', () => (leaked = true));
    const booked = oneEvent(el, 'walk-up');
    $(picker(el), 'button[data-person="p-wang"]').click();
    const e = (await booked) as CustomEvent<{ minutes: number; personId: string }>;
    expect(e.detail).to.deep.equal({ minutes: 15, personId: 'p-wang' });
    expect(leaked).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('R-5: with no length that fits, tapping a name books nothing', async () => {
    const el = await fixture<WalkUpPanel>(
      html`<walk-up-panel .options=${[]} .people=${DEMO_PEOPLE}></walk-up-panel>`,
    );
    let fired = false;
    el.addEventListener('walk-up', () => (fired = true));
    $(picker(el), 'button[data-person="p-wang"]').click();
    await el.updateComplete;
    expect(fired).to.equal(false);
    expect($$(el, 'button[data-minutes]').length).to.equal(0);
    await expect(el).to.be.accessible();
  });
});
