import { expect, fixture, html } from '@open-wc/testing';
import { reject } from '@huiyi/core';
import '../src/components/rejection-note.js';
import type { RejectionNote } from '../src/components/rejection-note.js';
import { setLocale } from '../src/i18n/localization.js';
import { $, has } from './helpers.js';

const busy = reject('R-2', 'room.busy', {
  'zh-CN': '一号会议室 10:00–11:00 已被占用',
  en: 'Room 1 is taken 10:00–11:00',
});

describe('rejection-note', () => {
  it('R-2: shows why, in Chinese, with the rule it comes from, as an alert', async () => {
    const el = await fixture<RejectionNote>(
      html`<rejection-note .rejection=${busy}></rejection-note>`,
    );
    const alert = $(el, '[role="alert"]');
    expect(alert.textContent).to.contain('一号会议室 10:00–11:00 已被占用');
    expect($(el, '.rule-id').textContent).to.equal('规则 R-2');
    await expect(el).to.be.accessible();
  });

  it('K-5: shows the English message when the kiosk speaks English', async () => {
    await setLocale('en');
    try {
      const el = await fixture<RejectionNote>(
        html`<rejection-note .rejection=${busy}></rejection-note>`,
      );
      expect($(el, '[role="alert"]').textContent).to.contain('Room 1 is taken 10:00–11:00');
      expect($(el, '[role="alert"]').textContent).not.to.contain('已被占用');
      await expect(el).to.be.accessible();
    } finally {
      await setLocale('zh-CN');
    }
  });

  it('K-2: shows nothing without a rejection', async () => {
    const el = await fixture<RejectionNote>(html`<rejection-note></rejection-note>`);
    expect(has(el, '[role="alert"]')).to.equal(false);
    await expect(el).to.be.accessible();
  });
});
