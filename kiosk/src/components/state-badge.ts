import { LitElement, css, html, svg } from 'lit';
import { localized, msg } from '@lit/localize';
import type { DoorState } from '@huiyi/core';
import { emWidth } from '../i18n/format.js';

/**
 * The room's state in a word and a shape, never colour alone (K-1): an open door for free, a
 * clock for starting soon, a ring counting down for waiting, a lock for in use. It takes its size
 * and colour from where it stands.
 */
@localized()
export class StateBadge extends LitElement {
  static override properties = {
    state: { reflect: true },
  };

  static override styles = css`
    :host {
      display: inline-flex;
      align-items: center;
      gap: 0.25em;
      font-weight: 900;
      line-height: 1.05;
    }
    svg {
      flex: none;
      width: 0.8em;
      height: 0.8em;
    }
    span {
      white-space: nowrap;
    }
  `;

  state: DoorState = 'free';

  #word(): string {
    switch (this.state) {
      case 'free':
        return msg('空闲', { id: 'state.free' });
      case 'starting-soon':
        return msg('即将开始', { id: 'state.starting-soon' });
      case 'waiting':
        return msg('等待签到', { id: 'state.waiting' });
      case 'in-use':
        return msg('使用中', { id: 'state.in-use' });
    }
  }

  #shape() {
    switch (this.state) {
      case 'free':
        // An open door.
        return svg`<path d="M4 21 H20 M6 21 V3 H16 V21" fill="none" stroke="currentColor" stroke-width="2.4" stroke-linejoin="round" /><path d="M6 3 L13 5.5 V23 L6 21 Z" fill="currentColor" />`;
      case 'starting-soon':
        // A clock.
        return svg`<circle cx="12" cy="12" r="9.5" fill="none" stroke="currentColor" stroke-width="2.4" /><path d="M12 6.5 V12 L16 14.5" fill="none" stroke="currentColor" stroke-width="2.4" stroke-linecap="round" />`;
      case 'waiting':
        // A ring counting down.
        return svg`<circle cx="12" cy="12" r="9.5" fill="none" stroke="currentColor" stroke-width="2.4" stroke-dasharray="4 2.5" /><path d="M12 12 L12 2.5 A9.5 9.5 0 0 1 21.5 12 Z" fill="currentColor" />`;
      case 'in-use':
        // A lock.
        return svg`<rect x="4" y="10.5" width="16" height="11.5" rx="2" fill="currentColor" /><path d="M7.5 10.5 V7.5 A4.5 4.5 0 0 1 16.5 7.5 V10.5" fill="none" stroke="currentColor" stroke-width="2.4" />`;
    }
  }

  override updated(): void {
    // Its width in em, for a size that fills its line (the door sign's --word).
    this.style.setProperty('--word', String(emWidth(this.#word())));
  }

  override render() {
    return html`<svg viewBox="0 0 24 24" aria-hidden="true">${this.#shape()}</svg
      ><span role="status">${this.#word()}</span>`;
  }
}
customElements.define('state-badge', StateBadge);

declare global {
  interface HTMLElementTagNameMap {
    'state-badge': StateBadge;
  }
}
