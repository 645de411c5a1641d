import { LitElement, css, html, nothing } from 'lit';
import { localized, msg, str } from '@lit/localize';
import type { Rejection } from '@huiyi/core';
import { language } from '../i18n/localization.js';
import { base } from './styles.js';

/**
 * Why something was refused, in the reader's language: what happened and what to do, large; the
 * rule it comes from small beneath, for the staff who look it up.
 */
@localized()
export class RejectionNote extends LitElement {
  static override properties = {
    rejection: { attribute: false },
  };

  static override styles = [
    base,
    css`
      :host {
        display: block;
      }
      div {
        padding: 2vmin 3vmin;
        border-radius: 1.5vmin;
        border: 0.5vmin solid #fca5a5;
        background: #450a0a;
        color: #ffffff;
      }
      .what {
        font-size: 4vmin;
        font-weight: 700;
      }
      /* The rule's name, in the note's own type, a little lighter. */
      .rule-id {
        opacity: 0.85;
      }
    `,
  ];

  rejection?: Rejection;

  override render() {
    const r = this.rejection;
    if (!r) return nothing;
    return html`<div role="alert">
      <p class="what">⚠ ${language() === 'en' ? r.message.en : r.message['zh-CN']}</p>
      <p class="rule-id">${msg(str`规则 ${r.rule}`, { id: 'rejection.rule' })}</p>
    </div>`;
  }
}
customElements.define('rejection-note', RejectionNote);

declare global {
  interface HTMLElementTagNameMap {
    'rejection-note': RejectionNote;
  }
}
