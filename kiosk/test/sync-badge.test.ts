import { expect, fixture, html } from '@open-wc/testing';
import '../src/components/sync-badge.js';
import type { SyncBadge } from '../src/components/sync-badge.js';
import { setLocale } from '../src/i18n/localization.js';
import { $ } from './helpers.js';

describe('sync-badge', () => {
  it('K-3: says the data is on this tablet only, with how many events wait', async () => {
    const el = await fixture<SyncBadge>(html`<sync-badge .pending=${7}></sync-badge>`);
    expect($(el, '[role="status"]').textContent).to.contain('仅本地保存 · 未同步 7 条');
    await expect(el).to.be.accessible();
  });

  it('K-3: says when it last synchronised', async () => {
    const el = await fixture<SyncBadge>(html`<sync-badge .lastSync=${'09:58'}></sync-badge>`);
    expect($(el, '[role="status"]').textContent).to.contain('上次同步 09:58');
    await expect(el).to.be.accessible();
  });

  it('K-5: speaks English when the kiosk does', async () => {
    await setLocale('en');
    try {
      const el = await fixture<SyncBadge>(html`<sync-badge .pending=${3}></sync-badge>`);
      expect($(el, '[role="status"]').textContent).to.contain('Saved on this tablet only');
      await expect(el).to.be.accessible();
    } finally {
      await setLocale('zh-CN');
    }
  });
});
