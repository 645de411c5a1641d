import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../src/components/pin-pad.js';
import type { PinPad } from '../src/components/pin-pad.js';
import { $, $$ } from './helpers.js';

const press = (el: PinPad, digits: string) => {
  for (const d of digits) $(el, `button[data-digit="${d}"]`).click();
};
const ok = (el: PinPad) => $$(el, 'button').find((b) => b.textContent!.includes('确定'))!;
const shown = (el: PinPad) => $(el, 'output').textContent;

describe('pin-pad', () => {
  it('K-4: digits show as dots, delete takes the last one off, OK fires pin-entered', async () => {
    const el = await fixture<PinPad>(html`<pin-pad></pin-pad>`);
    press(el, '2461');
    await el.updateComplete;
    expect(shown(el)).to.equal('●●●●');
    expect(el.shadowRoot!.textContent).not.to.contain('2461');
    $(el, 'button[aria-label="删除一位"]').click();
    press(el, '8');
    await el.updateComplete;
    const entered = oneEvent(el, 'pin-entered');
    ok(el).click();
    expect(((await entered) as CustomEvent<{ pin: string }>).detail).to.deep.equal({ pin: '2468' });
    await el.updateComplete;
    expect(shown(el)).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('K-4: takes at most 8 digits', async () => {
    const el = await fixture<PinPad>(html`<pin-pad></pin-pad>`);
    press(el, '1234567890');
    const entered = oneEvent(el, 'pin-entered');
    ok(el).click();
    expect(((await entered) as CustomEvent<{ pin: string }>).detail.pin).to.equal('12345678');
    await expect(el).to.be.accessible();
  });

  it('K-4: takes the keyboard’s digits too: Backspace deletes, Enter confirms', async () => {
    const el = await fixture<PinPad>(html`<pin-pad></pin-pad>`);
    const key = (k: string) => window.dispatchEvent(new KeyboardEvent('keydown', { key: k }));
    for (const k of ['2', '4', '6', '1', 'Backspace', '8', 'x']) key(k);
    await el.updateComplete;
    expect(shown(el)).to.equal('●●●●');
    const entered = oneEvent(el, 'pin-entered');
    key('Enter');
    expect(((await entered) as CustomEvent<{ pin: string }>).detail).to.deep.equal({ pin: '2468' });
    el.remove();
    // Gone from the screen, it listens no more.
    key('1');
    expect(shown(el)).to.equal('');
  });

  it('K-4: shows the error it is given as an alert', async () => {
    const el = await fixture<PinPad>(html`<pin-pad error="密码错误"></pin-pad>`);
    expect($(el, '[role="alert"]').textContent).to.equal('密码错误');
    el.error = '';
    await el.updateComplete;
    expect($$(el, '[role="alert"]').length).to.equal(0);
    await expect(el).to.be.accessible();
  });
});
