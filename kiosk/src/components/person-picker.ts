import { LitElement, css, html } from 'lit';
import { localized, msg } from '@lit/localize';
import { findPeople, type Person } from '@huiyi/core';
import { base } from './styles.js';
import { fire } from './events.js';

/**
 * Pick a person by tapping their name, or search by name or employee number (K-2). Fires
 * `person-picked` with `{ personId }`.
 */
@localized()
export class PersonPicker extends LitElement {
  static override properties = {
    people: { attribute: false },
    marks: { attribute: false },
    requireQuery: { type: Boolean, attribute: 'require-query' },
    busy: { type: Boolean },
    query: { state: true },
  };

  static override styles = [
    base,
    css`
      :host {
        display: flex;
        flex-direction: column;
        gap: 2vmin;
        min-height: 0;
      }
      input {
        width: 100%;
      }
      ul {
        list-style: none;
        padding: 0;
        margin: 0;
        display: flex;
        flex-wrap: wrap;
        gap: 2vmin;
        overflow: auto;
        min-height: 0;
        align-content: flex-start;
      }
      li {
        flex: 1 1 auto;
        display: flex;
      }
      button {
        flex: 1 1 auto;
        text-align: left;
        padding: 1vmin 3vmin;
      }
      small {
        display: block;
        font-size: 3.5vmin;
        color: #cbd5e1;
      }
    `,
  ];

  /** Who may be picked (the meeting's participants, or the whole directory). */
  people: readonly Person[] = [];
  /** Marks shown beside a name, by person id (e.g. "signed in"). */
  marks: ReadonlyMap<string, string> = new Map();
  /** List nobody until something is typed: a confidential meeting shows no names (R-8). */
  requireQuery = false;
  /** A command is in flight: every name waits. */
  busy = false;
  private query = '';

  override render() {
    const found =
      this.requireQuery && this.query.trim() === '' ? [] : findPeople(this.people, this.query, 40);
    return html`
      <label for="q">${msg('搜索姓名或工号', { id: 'picker.search' })}</label>
      <input
        id="q"
        type="search"
        autocomplete="off"
        .value=${this.query}
        @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)}
      />
      <ul>
        ${found.map(
          (p) =>
            html`<li>
              <button data-person=${p.id} ?disabled=${this.busy} @click=${() => this.#pick(p.id)}>
                <span class="name">${p.name}</span
                ><small
                  >${p.department} ·
                  ${p.employeeNumber}${this.marks.has(p.id) ? ` · ${this.marks.get(p.id)}` : ''}</small
                >
              </button>
            </li>`,
        )}
      </ul>
      ${found.length === 0 && this.query.trim() !== '' ? html`<p role="status">${msg('没有找到', { id: 'picker.none' })}</p>` : ''}
    `;
  }

  #pick(personId: string): void {
    // Where names are hidden (R-8), the next person finds the list hidden again, not this name.
    if (this.requireQuery) this.query = '';
    fire(this, 'person-picked', { personId });
  }
}
customElements.define('person-picker', PersonPicker);

declare global {
  interface HTMLElementTagNameMap {
    'person-picker': PersonPicker;
  }
}
