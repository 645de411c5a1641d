import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized } from '@lit/localize';
import type { Rejection } from '@huiyi/core';
import { language } from '../i18n/localization.js';
import { base } from './styles.js';

/** Why something was refused, in the reader's language, with the rule it comes from. */
@customElement('rejection-note')
@localized()
export class RejectionNote extends LitElement {
  static override styles = [
    base,
    css`
      p {
        margin: 0;
        padding: 1rem 1.25rem;
        border-radius: 12px;
        border: 3px solid #f87171;
        background: #450a0a;
        font-size: 1.4rem;
      }
      .rule {
        font-size: 1rem;
        color: #fecaca;
        margin-left: 0.5rem;
      }
    `,
  ];

  @property({ attribute: false }) rejection?: Rejection;

  override render() {
    const r = this.rejection;
    if (!r) return nothing;
    return html`<p role="alert">${r.message[language()]}<span class="rule">${r.rule}</span></p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rejection-note': RejectionNote;
  }
}
