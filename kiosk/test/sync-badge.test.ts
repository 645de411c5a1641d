import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../src/components/sync-badge.js';
import type { SyncBadge } from '../src/components/sync-badge.js';
import { setLocale } from '../src/i18n/localization.js';
import type { SyncStatus } from '../src/sync/sync-status.js';
import { $, T0 } from './helpers.js';

const badge = (status: SyncStatus | undefined, pending = 0) =>
  fixture<SyncBadge>(html`<sync-badge .status=${status} .pending=${pending}></sync-badge>`);
const said = (el: SyncBadge) => $(el, '[role="status"]').textContent ?? '';

describe('sync-badge', () => {
  it('K-3: a standalone door says its data is on this tablet only, with how many events', async () => {
    const el = await badge(undefined, 7);
    expect(said(el)).to.contain('仅本地保存 · 未同步 7 条');
    await expect(el).to.be.accessible();
  });

  it('K-3: synced, and when (the site’s wall clock)', async () => {
    const el = await badge({ kind: 'synced', at: T0, refused: 0 });
    expect(said(el)).to.contain('已同步 · 10:02');
    expect($(el, '[role="status"]').dataset['kind']).to.equal('synced');
    await expect(el).to.be.accessible();
  });

  it('S-5: offline says since when and how many taps wait; syncing says it is', async () => {
    const el = await badge({
      kind: 'offline',
      since: T0 - 60 * 60_000,
      waiting: 3,
      retryAt: T0 + 4_000,
      refused: 0,
    });
    expect(said(el)).to.contain('离线 · 自 09:02 起 · 3 条待同步');
    el.status = { kind: 'syncing', waiting: 2, refused: 0 };
    await el.updateComplete;
    expect(said(el)).to.contain('正在同步 · 2 条待确认');
    await expect(el).to.be.accessible();
  });

  it('S-2: refused taps are counted beside any state, and a tap on them opens them', async () => {
    const el = await badge({ kind: 'synced', at: T0, refused: 2 });
    const button = $<HTMLButtonElement>(el, 'button.refused');
    expect(button.textContent).to.contain('2 项被中心拒绝 · 点按查看');
    setTimeout(() => button.click());
    await oneEvent(el, 'show-refusals');
    await expect(el).to.be.accessible();
  });

  it('S-3: a revoked token and a door taken off its hub are said plainly', async () => {
    const el = await badge({ kind: 'revoked', waiting: 1, refused: 0 });
    expect(said(el)).to.contain('中心已停用本门牌');
    el.status = { kind: 'unenrolled', waiting: 0, refused: 0 };
    await el.updateComplete;
    expect(said(el)).to.contain('未连接中心');
  });

  it('K-5: speaks English when the kiosk does', async () => {
    await setLocale('en');
    try {
      const el = await badge({
        kind: 'offline',
        since: T0,
        waiting: 4,
        retryAt: T0,
        refused: 1,
      });
      expect(said(el)).to.contain('Offline since 10:02 · 4 waiting');
      expect($(el, 'button.refused').textContent).to.contain('1 refused · tap to see');
      el.status = undefined;
      el.pending = 3;
      await el.updateComplete;
      expect(said(el)).to.contain('Local only · ');
      await expect(el).to.be.accessible();
    } finally {
      await setLocale('zh-CN');
    }
  });
});
