import { LitElement, css, html, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import type { DoorState } from '@huiyi/core';
import { base } from './styles.js';

/** The room's state in a word and a shape, never colour alone (K-1). */
@customElement('state-badge')
@localized()
export class StateBadge extends LitElement {
  static override styles = [
    base,
    css`
      :host {
        display: inline-flex;
        align-items: center;
        gap: 0.75rem;
        padding: 0.5rem 1.25rem;
        border-radius: 999px;
        font-size: 2.4rem;
        font-weight: 700;
        border: 3px solid currentColor;
      }
      :host([state='free']) {
        color: #4ade80;
      }
      :host([state='starting-soon']) {
        color: #facc15;
      }
      :host([state='waiting']) {
        color: #fb923c;
      }
      :host([state='in-use']) {
        color: #f87171;
      }
      svg {
        width: 2.2rem;
        height: 2.2rem;
      }
    `,
  ];

  @property({ reflect: true }) state: DoorState = 'free';

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
        return svg`<circle cx="12" cy="12" r="9" fill="currentColor" />`;
      case 'starting-soon':
        return svg`<path d="M12 3 L22 21 L2 21 Z" fill="currentColor" />`;
      case 'waiting':
        return svg`<path d="M5 3 H19 L12 12 L19 21 H5 L12 12 Z" fill="currentColor" />`;
      case 'in-use':
        return svg`<rect x="3" y="3" width="18" height="18" fill="currentColor" />`;
    }
  }

  override render() {
    return html`<svg viewBox="0 0 24 24" aria-hidden="true">${this.#shape()}</svg
      ><span role="status">${this.#word()}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'state-badge': StateBadge;
  }
}
