import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { base } from './styles.js';

/** How the badge looks: no network, everything sent, or records still to send. */
export type SyncLook = 'offline' | 'synced' | 'pending';

/**
 * Whether the door's records are safe elsewhere (K-3), in three looks that differ by shape and
 * word as well as colour: offline (a crossed circle, grey), synced (a tick, green), pending (a
 * ring, amber, with how many). With no server yet, every record is pending and kept on the tablet.
 */
@customElement('sync-badge')
@localized()
export class SyncBadge extends LitElement {
  static override styles = [
    base,
    css`
      :host {
        display: inline-flex;
      }
      span {
        display: inline-flex;
        align-items: center;
        gap: 1.5vmin;
        border-radius: 999px;
        padding: 1vmin 2.5vmin;
        font-weight: 700;
        white-space: nowrap;
      }
      :host([look='offline']) span {
        background: #4b5563;
        color: #ffffff;
        border: 0.4vmin dashed #ffffff;
      }
      :host([look='synced']) span {
        background: #166534;
        color: #ffffff;
      }
      :host([look='pending']) span {
        background: #f5b700;
        color: #1a1a1a;
      }
    `,
  ];

  /** When the last sync finished (`HH:MM`); `undefined` while there has been none. */
  @property({ attribute: false }) lastSync: string | undefined;
  /** Events written on this tablet and not yet sent anywhere. */
  @property({ type: Number }) pending = 0;
  /** Whether the tablet has a network. */
  @property({ type: Boolean }) online = true;

  /** The look for the present state. */
  get look(): SyncLook {
    if (!this.online) return 'offline';
    return this.pending > 0 || this.lastSync === undefined ? 'pending' : 'synced';
  }

  override willUpdate(): void {
    this.setAttribute('look', this.look);
  }

  #text(): string {
    switch (this.look) {
      case 'offline':
        return msg(str`⊘ 离线 · ${this.pending} 条保存在本机`, { id: 'sync.offline' });
      case 'synced':
        return msg(str`✓ 已同步 ${this.lastSync ?? ''}`, { id: 'sync.last' });
      case 'pending':
        return msg(str`↻ 待同步 ${this.pending} 条 · 已保存在本机`, { id: 'sync.local-only' });
    }
  }

  override render() {
    return html`<span role="status">${this.#text()}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sync-badge': SyncBadge;
  }
}
