import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../src/components/sign-in-panel.js';
import type { SignInPanel } from '../src/components/sign-in-panel.js';
import { DEMO_PEOPLE } from '@huiyi/core';
import { $, $$, deepText, typeInto } from './helpers.js';

const person = (id: string) => DEMO_PEOPLE.find((p) => p.id === id)!;
const attendees = ['p-wang', 'p-li', 'p-zhang', 'p-liu', 'p-chen'].map(person);
const tap = (el: SignInPanel, selector: string) => $(el, selector).click();

function panel(confidential = false, officerId?: string) {
  return fixture<SignInPanel>(
    html`<sign-in-panel
      topic="售后周例会"
      ?confidential=${confidential}
      .attendees=${confidential ? [] : attendees}
      .signedIn=${new Set(['p-wang', 'p-li'])}
      .officer=${confidential ? undefined : person('p-zhang')}
      ?has-officer=${true}
      .officerId=${officerId}
    ></sign-in-panel>`,
  );
}

type Tap = CustomEvent<{ personId: string }>;

describe('sign-in-panel', () => {
  it('M-5: shows the topic, the count signed in and who is signed in', async () => {
    const el = await panel();
    expect($(el, 'h1').textContent).to.contain('参会签到：售后周例会');
    expect($(el, '.count').textContent).to.contain('已签到 2 / 5 人');
    expect($(el, 'button[data-person="p-li"]').textContent).to.contain('已签到');
    expect($(el, 'button[data-person="p-liu"]').textContent).not.to.contain('已签到');
    await expect(el).to.be.accessible();
  });

  it('M-5: a name signs in; a signed-in name is inactive, and 签退 beside it signs out', async () => {
    const el = await panel();
    const signIn = oneEvent(el, 'sign-in');
    tap(el, 'button[data-person="p-liu"]');
    expect(((await signIn) as Tap).detail).to.deep.equal({ personId: 'p-liu' });
    expect($<HTMLButtonElement>(el, 'button[data-person="p-li"]').disabled).to.equal(true);
    expect($$(el, 'button[data-sign-out]').map((b) => b.dataset['signOut'])).to.deep.equal([
      'p-wang',
      'p-li',
    ]);
    const signOut = oneEvent(el, 'sign-out');
    tap(el, 'button[data-sign-out="p-li"]');
    expect(((await signOut) as Tap).detail).to.deep.equal({ personId: 'p-li' });
    await expect(el).to.be.accessible();
  });

  it('M-5: while a command is in flight, every name and 签退 waits', async () => {
    const el = await panel();
    el.busy = true;
    await el.updateComplete;
    expect(
      $$<HTMLButtonElement>(el, 'button[data-person], button[data-sign-out]').every(
        (b) => b.disabled,
      ),
    ).to.equal(true);
  });

  it('M-5: the officer first picks who they are, and only then signs others in', async () => {
    const el = await panel();
    $(el, 'button.officer').click();
    await el.updateComplete;
    expect($$(el, 'button[data-person]').length, 'no names until the officer picked').to.equal(0);
    const chosen = oneEvent(el, 'officer-chosen');
    tap(el, 'button[data-officer="p-zhang"]');
    expect(((await chosen) as Tap).detail).to.deep.equal({ personId: 'p-zhang' });
    const on = await panel(false, 'p-zhang');
    expect($(on, '.officer-on').textContent).to.contain('代签中：张伟（签到负责人）');
    const done = oneEvent(on, 'officer-done');
    $$(on, 'button')
      .find((b) => b.textContent!.includes('结束代签'))!
      .click();
    expect((await done).type).to.equal('officer-done');
    await expect(on).to.be.accessible();
  });

  it('M-5: without an officer there is no officer mode', async () => {
    const el = await fixture<SignInPanel>(
      html`<sign-in-panel topic="临时会议" .attendees=${attendees}></sign-in-panel>`,
    );
    expect($$(el, 'button.officer').length).to.equal(0);
    expect($(el, '.count').textContent).to.contain('已签到 0 / 5 人');
    await expect(el).to.be.accessible();
  });

  it('R-8: a confidential meeting shows no topic and no names, only a form for a full number or name', async () => {
    const el = await panel(true);
    const text = () => deepText(el.shadowRoot!);
    expect($(el, 'h1').textContent).to.contain('保密会议签到');
    expect(text()).not.to.contain('售后周例会');
    for (const p of attendees) expect(text()).not.to.contain(p.name);
    expect($(el, '.count').textContent!.trim()).to.equal('已签到 2 人');
    expect($$(el, 'button[data-person]').length).to.equal(0);
    typeInto($<HTMLInputElement>(el, 'input#entry'), 'Q5001');
    await el.updateComplete;
    const entered = oneEvent(el, 'exact-entry');
    $(el, 'button[type="submit"]').click();
    expect(((await entered) as CustomEvent).detail).to.deep.equal({ entry: 'Q5001', out: false });
    await el.updateComplete;
    // The next person finds the field empty.
    expect($<HTMLInputElement>(el, 'input#entry').value).to.equal('');
    typeInto($<HTMLInputElement>(el, 'input#entry'), 'Q5001');
    await el.updateComplete;
    const out = oneEvent(el, 'exact-entry');
    $$(el, 'button')
      .find((b) => b.textContent!.trim() === '签退')!
      .click();
    expect(((await out) as CustomEvent).detail).to.deep.equal({ entry: 'Q5001', out: true });
    await expect(el).to.be.accessible();
  });
});
