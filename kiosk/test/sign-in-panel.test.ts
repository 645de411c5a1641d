import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../src/components/sign-in-panel.js';
import type { SignInPanel } from '../src/components/sign-in-panel.js';
import type { PersonPicker } from '../src/components/person-picker.js';
import { DEMO_PEOPLE } from '../src/demo/demo-site.js';
import { $, $$, deepText, typeInto } from './helpers.js';

const person = (id: string) => DEMO_PEOPLE.find((p) => p.id === id)!;
const attendees = ['p-wang', 'p-li', 'p-zhang', 'p-liu', 'p-chen'].map(person);
const picker = (el: SignInPanel) => $<PersonPicker>(el, 'person-picker');
const tap = (el: SignInPanel, id: string) => $(picker(el), `button[data-person="${id}"]`).click();

function panel(confidential = false) {
  return fixture<SignInPanel>(
    html`<sign-in-panel
      topic="售后周例会"
      ?confidential=${confidential}
      .attendees=${attendees}
      .signedIn=${new Set(['p-wang', 'p-li'])}
      .officer=${person('p-zhang')}
    ></sign-in-panel>`,
  );
}

type Tap = CustomEvent<{ personId: string; byOfficer: boolean }>;

describe('sign-in-panel', () => {
  it('M-5: shows the topic, the count signed in and who is signed in', async () => {
    const el = await panel();
    expect($(el, 'h2').textContent).to.contain('签到:售后周例会');
    expect($(el, '.count').textContent).to.contain('已签到 2 / 5 人');
    expect($(picker(el), 'button[data-person="p-li"]').textContent).to.contain('已签到');
    expect($(picker(el), 'button[data-person="p-liu"]').textContent).not.to.contain('已签到');
    await expect(el).to.be.accessible();
  });

  it('M-5: a tap on a name not signed in signs in; on one signed in signs out', async () => {
    const el = await panel();
    const signIn = oneEvent(el, 'sign-in');
    tap(el, 'p-liu');
    expect(((await signIn) as Tap).detail).to.deep.equal({ personId: 'p-liu', byOfficer: false });
    const signOut = oneEvent(el, 'sign-out');
    tap(el, 'p-li');
    expect(((await signOut) as Tap).detail).to.deep.equal({ personId: 'p-li', byOfficer: false });
    await expect(el).to.be.accessible();
  });

  it('M-5: the officer mode signs others in as done by the officer', async () => {
    const el = await panel();
    const toggle = $(el, 'button.officer');
    expect(toggle.textContent).to.contain('张伟');
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    expect(el.shadowRoot!.textContent).to.contain('代签模式');
    const signIn = oneEvent(el, 'sign-in');
    tap(el, 'p-chen');
    expect(((await signIn) as Tap).detail).to.deep.equal({ personId: 'p-chen', byOfficer: true });
    toggle.click();
    await el.updateComplete;
    const again = oneEvent(el, 'sign-in');
    tap(el, 'p-chen');
    expect(((await again) as Tap).detail.byOfficer).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('M-5: without an officer there is no officer mode', async () => {
    const el = await fixture<SignInPanel>(
      html`<sign-in-panel topic="临时会议" .attendees=${attendees}></sign-in-panel>`,
    );
    expect($$(el, 'button.officer').length).to.equal(0);
    expect($(el, '.count').textContent).to.contain('已签到 0 / 5 人');
    await expect(el).to.be.accessible();
  });

  it('R-8: a confidential meeting hides the topic and the list of names until a search', async () => {
    const el = await panel(true);
    const text = () => deepText(el.shadowRoot!);
    expect($(el, 'h2').textContent).to.contain('保密会议签到');
    expect(text()).not.to.contain('售后周例会');
    for (const p of attendees) expect(text()).not.to.contain(p.name);
    expect(text()).to.contain('保密会议不显示参会名单');
    expect($(el, 'button.officer').textContent).to.contain('签到负责人代签');
    typeInto($<HTMLInputElement>(picker(el), 'input'), 'L');
    await picker(el).updateComplete;
    expect($$(picker(el), 'button[data-person]').map((b) => b.dataset['person'])).to.deep.equal([]);
    typeInto($<HTMLInputElement>(picker(el), 'input'), '刘洋');
    await picker(el).updateComplete;
    // Found by searching, with no "signed in" marks beside anyone.
    const found = $(picker(el), 'button[data-person="p-liu"]');
    expect(found.textContent).not.to.contain('已签到');
    const signIn = oneEvent(el, 'sign-in');
    found.click();
    expect(((await signIn) as Tap).detail).to.deep.equal({ personId: 'p-liu', byOfficer: false });
    await expect(el).to.be.accessible();
  });
});
