import { LitElement, css, html } from 'lit';
import { localized, msg, str } from '@lit/localize';
import { DEFAULT_PARAMETERS } from '@huiyi/core';
import { hhmm } from '../i18n/format.js';
import type { SyncStatus } from '../sync/sync-status.js';
import { base } from './styles.js';
import { fire } from './events.js';

/**
 * The truth about the door's sync (K-3, S-5), one look a kind: standalone (this tablet only),
 * synced (and when), syncing, offline (since when, how many taps wait), the token no longer valid;
 * and, beside any of them, how many taps the hub refused, as a button that opens them
 * (`show-refusals`).
 */
@localized()
export class SyncBadge extends LitElement {
  static override properties = {
    status: { attribute: false },
    pending: { type: Number },
    zone: {},
  };

  static override styles = [
    base,
    css`
      :host {
        display: inline-flex;
        gap: 1.5vmin;
        align-items: center;
      }
      /* The state's words keep their line while the refusals' button wraps first; alone too
         long for the footer (a revoked door), they wrap too. Portrait has height to spare: there
         the button takes a line of its own when it must. */
      span {
        flex: 0 0 auto;
        max-width: 100%;
        border-radius: 999px;
        padding: 0.6vmin 2vmin;
        border: 0.3vmin solid #475569;
        color: #e2e8f0;
        background: #1e293b;
      }
      span[data-kind='synced'] {
        border-color: #22c55e;
        color: #ffffff;
        background: #166534;
      }
      span[data-kind='syncing'] {
        border-style: dashed;
        border-color: #38bdf8;
        color: #ffffff;
        background: #0c4a6e;
      }
      span[data-kind='offline'],
      span[data-kind='revoked'],
      span[data-kind='unenrolled'] {
        border-color: #f59e0b;
        color: #fde68a;
        background: #422006;
      }
      @media (max-aspect-ratio: 1/1) {
        :host {
          flex-wrap: wrap;
        }
      }
      button.refused {
        flex: 0 1 auto;
        min-height: 8vmin;
        white-space: normal;
        text-align: start;
        border-color: #f87171;
        background: #450a0a;
        color: #fecaca;
      }
    `,
  ];

  /** The sync's status (`undefined`: a door with no hub, as before). */
  status: SyncStatus | undefined;
  /** Events written on this tablet (a standalone door: all of its log). */
  pending = 0;
  /** The site's zone, for the times shown. */
  zone: string = DEFAULT_PARAMETERS.time.zone;

  #words(s: SyncStatus | undefined): string {
    const at = (t: number): string => hhmm(t, this.zone);
    if (s === undefined || s.kind === 'standalone')
      return msg(str`仅本地保存 · 未同步 ${this.pending} 条`, {
        id: 'sync.local-only',
      });
    switch (s.kind) {
      case 'synced':
        return msg(str`已同步 · ${at(s.at)}`, { id: 'sync.synced' });
      case 'syncing':
        return s.waiting > 0
          ? msg(str`正在同步 · ${s.waiting} 条待确认`, { id: 'sync.syncing-waiting' })
          : msg('正在同步…', { id: 'sync.syncing' });
      case 'offline':
        return msg(str`离线 · 自 ${at(s.since)} 起 · ${s.waiting} 条待同步`, {
          id: 'sync.offline',
        });
      case 'revoked':
        return msg(str`中心已停用本门牌 · 仅本地保存 · ${s.waiting} 条待同步`, {
          id: 'sync.revoked',
        });
      case 'unenrolled':
        return msg(str`未连接中心 · 仅本地保存 · ${s.waiting} 条待同步`, {
          id: 'sync.unenrolled',
        });
    }
  }

  override render() {
    const s = this.status;
    const refused = s && s.kind !== 'standalone' ? s.refused : 0;
    const clock =
      s && s.kind !== 'standalone' && s.clock?.status === 'refused'
        ? msg('本机时钟与中心相差过大，请校准时间', { id: 'sync.clock' })
        : '';
    return html`<span role="status" data-kind=${s?.kind ?? 'standalone'}
        >${this.#words(s)}${clock ? ` · ${clock}` : ''}</span
      >${
        refused > 0
          ? html`<button class="refused" @click=${() => fire(this, 'show-refusals')}>
              ${msg(str`${refused} 项被中心拒绝 · 点按查看`, { id: 'sync.refused' })}
            </button>`
          : ''
      }`;
  }
}
customElements.define('sync-badge', SyncBadge);

declare global {
  interface HTMLElementTagNameMap {
    'sync-badge': SyncBadge;
  }
}
