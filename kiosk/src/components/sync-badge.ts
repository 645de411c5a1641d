import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { base } from './styles.js';

/** When the kiosk last synchronised (K-3); with no server yet, it says the data is kept on this tablet. */
@customElement('sync-badge')
@localized()
export class SyncBadge extends LitElement {
  static override styles = [
    base,
    css`
      span {
        font-size: 1.1rem;
        color: #cbd5e1;
        border: 1px solid #475569;
        border-radius: 999px;
        padding: 0.3rem 0.9rem;
      }
    `,
  ];

  /** When the last sync finished; `undefined` while there is none. */
  @property({ attribute: false }) lastSync: string | undefined;
  /** Events written on this tablet and not yet sent anywhere. */
  @property({ type: Number }) pending = 0;

  override render() {
    return html`<span role="status"
      >${
        this.lastSync === undefined
          ? msg(str`仅本地保存 · 未同步 ${this.pending} 条`, { id: 'sync.local-only' })
          : msg(str`上次同步 ${this.lastSync}`, { id: 'sync.last' })
      }</span
    >`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sync-badge': SyncBadge;
  }
}
