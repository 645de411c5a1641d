import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../src/components/person-picker.js';
import type { PersonPicker } from '../src/components/person-picker.js';
import { DEMO_PEOPLE } from '@huiyi/core';
import { $, $$, has, typeInto } from './helpers.js';

const names = (el: PersonPicker) =>
  $$(el, 'button[data-person]').map((b) => b.getAttribute('data-person'));

async function search(el: PersonPicker, query: string): Promise<void> {
  typeInto($<HTMLInputElement>(el, 'input'), query);
  await el.updateComplete;
}

describe('person-picker', () => {
  it('K-2: lists everyone, and finds a person by name or by employee number', async () => {
    const el = await fixture<PersonPicker>(
      html`<person-picker .people=${DEMO_PEOPLE}></person-picker>`,
    );
    expect(names(el)).to.have.length(DEMO_PEOPLE.length);
    await search(el, '张伟');
    expect(names(el)).to.deep.equal(['p-zhang']);
    await search(el, 'w200');
    expect(names(el)).to.deep.equal(['p-zhang', 'p-yang']);
    await search(el, 'Q5001');
    expect(names(el)).to.deep.equal(['p-zhao']);
    expect($(el, 'button[data-person="p-zhao"]').textContent).to.contain('质量管理部');
    await expect(el).to.be.accessible();
  });

  it('K-2: says so when nobody matches', async () => {
    const el = await fixture<PersonPicker>(
      html`<person-picker .people=${DEMO_PEOPLE}></person-picker>`,
    );
    await search(el, '无此人');
    expect(names(el)).to.deep.equal([]);
    expect($(el, '[role="status"]').textContent).to.equal('没有找到');
    await expect(el).to.be.accessible();
  });

  it('K-2: fires person-picked with the id of the name tapped', async () => {
    const el = await fixture<PersonPicker>(
      html`<person-picker .people=${DEMO_PEOPLE}></person-picker>`,
    );
    const picked = oneEvent(el, 'person-picked');
    $(el, 'button[data-person="p-chen"]').click();
    const e = (await picked) as CustomEvent<{ personId: string }>;
    expect(e.detail).to.deep.equal({ personId: 'p-chen' });
    expect(e.composed).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('R-8: require-query lists nobody until something is typed', async () => {
    const el = await fixture<PersonPicker>(
      html`<person-picker require-query .people=${DEMO_PEOPLE}></person-picker>`,
    );
    expect(names(el)).to.deep.equal([]);
    expect(el.shadowRoot!.textContent).not.to.contain('王建国');
    expect(has(el, '[role="status"]')).to.equal(false);
    await search(el, '  ');
    expect(names(el)).to.deep.equal([]);
    await search(el, '李');
    expect(names(el)).to.deep.equal(['p-li']);
    await search(el, '');
    expect(names(el)).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('R-8: with require-query, a pick clears the search so the next person sees no name', async () => {
    const el = await fixture<PersonPicker>(
      html`<person-picker require-query .people=${DEMO_PEOPLE}></person-picker>`,
    );
    await search(el, '陈静');
    const picked = oneEvent(el, 'person-picked');
    $(el, 'button[data-person="p-chen"]').click();
    expect(((await picked) as CustomEvent<{ personId: string }>).detail.personId).to.equal(
      'p-chen',
    );
    await el.updateComplete;
    expect(names(el)).to.deep.equal([]);
    expect($<HTMLInputElement>(el, 'input').value).to.equal('');
    expect(el.shadowRoot!.textContent).not.to.contain('陈静');
    await expect(el).to.be.accessible();
  });

  it('K-2: without require-query, the search stays after a pick', async () => {
    const el = await fixture<PersonPicker>(
      html`<person-picker .people=${DEMO_PEOPLE}></person-picker>`,
    );
    await search(el, '陈');
    $(el, 'button[data-person="p-chen"]').click();
    await el.updateComplete;
    expect($<HTMLInputElement>(el, 'input').value).to.equal('陈');
    expect(names(el)).to.deep.equal(['p-chen']);
    await expect(el).to.be.accessible();
  });

  it('M-5: shows a mark beside a name', async () => {
    const el = await fixture<PersonPicker>(
      html`<person-picker
        .people=${DEMO_PEOPLE}
        .marks=${new Map([['p-li', '已签到']])}
      ></person-picker>`,
    );
    expect($(el, 'button[data-person="p-li"]').textContent).to.contain('已签到');
    expect($(el, 'button[data-person="p-wang"]').textContent).not.to.contain('已签到');
    await expect(el).to.be.accessible();
  });
});
