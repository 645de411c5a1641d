import { expect, fixture, html } from '@open-wc/testing';
import '../src/components/sync-badge.js';
import type { SyncBadge } from '../src/components/sync-badge.js';
import { setLocale } from '../src/i18n/localization.js';
import { $ } from './helpers.js';

describe('sync-badge', () => {
  it('K-3: pending: says how many records wait, kept on this tablet', async () => {
    const el = await fixture<SyncBadge>(html`<sync-badge .pending=${7}></sync-badge>`);
    expect(el.getAttribute('look')).to.equal('pending');
    expect($(el, '[role="status"]').textContent).to.contain('待同步 7 条 · 已保存在本机');
    await expect(el).to.be.accessible();
  });

  it('K-3: synced: says when it last synchronised', async () => {
    const el = await fixture<SyncBadge>(html`<sync-badge .lastSync=${'09:58'}></sync-badge>`);
    expect(el.getAttribute('look')).to.equal('synced');
    expect($(el, '[role="status"]').textContent).to.contain('已同步 09:58');
    await expect(el).to.be.accessible();
  });

  it('K-3: offline, synced and pending are three looks: each its word, mark and colour', async () => {
    const looks = [];
    for (const t of [
      html`<sync-badge .pending=${2} .online=${false}></sync-badge>`,
      html`<sync-badge .lastSync=${'09:58'}></sync-badge>`,
      html`<sync-badge .pending=${2}></sync-badge>`,
    ]) {
      const el = await fixture<SyncBadge>(t);
      const span = $(el, '[role="status"]');
      const style = getComputedStyle(span);
      looks.push({
        look: el.getAttribute('look'),
        mark: span.textContent!.trim()[0],
        colour: style.backgroundColor,
        border: style.borderStyle,
      });
      await expect(el).to.be.accessible();
    }
    expect(looks.map((l) => l.look)).to.deep.equal(['offline', 'synced', 'pending']);
    expect(new Set(looks.map((l) => l.mark)).size).to.equal(3);
    expect(new Set(looks.map((l) => l.colour)).size).to.equal(3);
    expect(looks[0]!.border).to.equal('dashed');
  });

  it('K-5: speaks English when the kiosk does', async () => {
    await setLocale('en');
    try {
      const el = await fixture<SyncBadge>(html`<sync-badge .pending=${3}></sync-badge>`);
      expect($(el, '[role="status"]').textContent).to.contain('3 to sync · kept here');
      await expect(el).to.be.accessible();
    } finally {
      await setLocale('zh-CN');
    }
  });
});
