import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import type { PolicyLookup, Rejection, RoomState } from '@huiyi/core';
import { ClockController } from '../controllers/clock-controller.js';
import { ConfirmationsController } from '../controllers/confirmations-controller.js';
import { IdleController } from '../controllers/idle-controller.js';
import { WakeLockController } from '../controllers/wake-lock-controller.js';
import { systemClock, type Clock } from '../door/clock.js';
import { provideDoor } from '../door/door-context.js';
import { Door } from '../door/door.js';
import type { ScreenName } from '../door/screen.js';
import type { KioskService } from '../services/kiosk-service.js';
import type { KioskSettings } from '../services/settings.js';
import type { DoorSync } from '../sync/door-sync.js';
import { drawScreen, pinScreen, refusalsScreen, settingsScreen } from './door-screens.js';
import { base } from './styles.js';
import { doorNotes } from './door-notes.js';
import './sync-badge.js';
import './rejection-note.js';

/**
 * The door kiosk (K-1 … K-5), a thin shell: it makes the {@link Door} from the service, the clock
 * and the policy it is given, provides it to the screens below (a DoorController in each), draws the one
 * screen the door's tagged union names, what was just done or refused, and the footer (sync badge,
 * settings). It ticks the clock, returns home after a minute untouched, and keeps the screen on.
 */
@customElement('huiyi-kiosk')
@localized()
export class HuiyiKiosk extends LitElement {
  static override styles = [
    base,
    css`
      :host {
        display: grid;
        grid-template-rows: minmax(0, 1fr) auto;
        grid-template-columns: minmax(0, 1fr);
        height: 100vh;
        height: 100dvh;
        overflow: hidden;
        position: relative;
        background: var(--panel);
      }
      main {
        min-height: 0;
        overflow: hidden;
      }
      footer {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        align-items: center;
        gap: 2vmin;
        padding: 1.2vmin 3vmin;
        background: #020617;
        border-top: 0.3vmin solid #334155;
      }
      footer button {
        min-height: 8vmin;
      }
      .flash {
        position: absolute;
        left: 4vmin;
        right: 4vmin;
        bottom: 13vmin;
        display: flex;
        flex-direction: column;
        gap: 1.5vmin;
        /* Words over the screen never take a tap meant for what is under them. */
        pointer-events: none;
      }
      .flash button {
        pointer-events: auto;
      }
      .confirmations {
        display: grid;
        gap: 1vmin;
      }
      .refused {
        display: flex;
        align-items: center;
        gap: 2vmin;
      }
      .refused rejection-note {
        flex: 1 1 auto;
      }
      .door-notes p {
        padding: 1.5vmin 2.5vmin;
        border-radius: 1.5vmin;
        border: 0.5vmin solid #f59e0b;
        background: #1a1a1a;
        margin: 0 0 1vmin;
      }
      .done {
        flex: 1 1 auto;
        font-size: 4.5vmin;
        font-weight: 700;
        padding: 2vmin 3vmin;
        border-radius: 1.5vmin;
        background: #14532d;
        border: 0.5vmin solid #86efac;
        box-shadow: 0 1vmin 4vmin #000000;
      }
      .empty {
        display: flex;
        flex-direction: column;
        gap: 3vmin;
        padding: 4vmin;
        align-items: flex-start;
      }
    `,
  ];

  @property({ attribute: false }) service?: KioskService;
  /** Why the kiosk could not open its log (K-3), when it could not: shown in place of the door. */
  @property({ attribute: false }) unavailable?: Rejection;
  @property({ attribute: false }) settings?: KioskSettings;
  /** Where the door reads the time (tests pass their own). */
  @property({ attribute: false }) clock: Clock = systemClock;
  /** The parameters in force (default: the policy's defaults); the service decides by the same. */
  @property({ attribute: false }) policy: PolicyLookup | undefined;
  /** A new version of the app is waiting; it is taken only when the room is free and idle. */
  @property({ type: Boolean }) updateReady = false;
  /** Applies a waiting update (reloads the page). */
  @property({ attribute: false }) applyUpdate: (() => void) | undefined;
  /** The door and its hub (S-5): the badge's status, enrolment, the refused taps. */
  @property({ attribute: false }) sync?: DoorSync;
  /** Why the enrolment in the address (`?enrol=`) or in the settings failed. */
  @property({ attribute: false }) enrolRefusal: Rejection | undefined;
  #unsync: (() => void) | undefined;
  /** The door this shell serves, once it has a service and settings. */
  @state() door: Door | undefined;
  /** Gives the door to the screens below that ask for it (they use a DoorController). */
  readonly #provide = provideDoor(this, () => this.door);
  #unsubscribe: (() => void)[] = [];
  /** Moves the door on each second. */
  protected readonly ticker = new ClockController(this, () => this.door?.tick());
  readonly #idle = new IdleController(this, 60_000, () => this.#home());
  readonly #wakeLock = new WakeLockController(this);
  /** The confirmations on screen, each with its own lifetime (K-3). */
  readonly #confirmations = new ConfirmationsController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.door) this.#listen(this.door);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stop();
    this.#unsync?.();
    this.#unsync = undefined;
  }

  #stop(): void {
    for (const stop of this.#unsubscribe) stop();
    this.#unsubscribe = [];
  }

  #listen(door: Door): void {
    this.#stop();
    this.#unsubscribe = [
      door.subscribe(() => this.requestUpdate()),
      door.service.subscribe(() => door.changed()),
    ];
  }

  override willUpdate(changed: Map<string, unknown>): void {
    const remade = ['service', 'clock', 'policy'].some((k) => changed.has(k)) || !this.door;
    if (!remade && this.door && this.settings && changed.has('settings')) {
      // New settings (the PIN read from the store, another room): the same door, so a tap in
      // flight still says what it did, and the screen and its words stay.
      this.door.settings = this.settings;
      this.#idle.timeoutMs = this.door.params().kiosk.idleReturnSeconds * 1000;
      this.door.changed();
    }
    if (remade && this.service && this.settings && this.settings !== this.door?.settings) {
      const door = new Door({
        service: this.service,
        settings: this.settings,
        clock: this.clock,
        ...(this.policy ? { policy: this.policy } : {}),
        ...(this.sync ? { sync: this.sync } : {}),
      });
      if (this.door) door.screen = this.door.screen;
      door.onConfirmed = (text) => this.#confirmations.show(text);
      this.door = door;
      this.#provide(door);
      this.#listen(door);
      this.#idle.timeoutMs = door.params().kiosk.idleReturnSeconds * 1000;
    }
    if (changed.has('sync')) {
      this.#unsync?.();
      this.#unsync = this.sync?.subscribe(() => this.requestUpdate());
    }
    if (this.door && (changed.has('sync') || changed.has('enrolRefusal') || remade)) {
      this.door.sync = this.sync;
      if (changed.has('enrolRefusal')) this.door.enrolRefusal = this.enrolRefusal;
    }
  }

  /** Which screen is shown (for tests). */
  get screen(): ScreenName {
    return this.door?.screen.name ?? 'home';
  }

  #home(): void {
    const door = this.door;
    if (!door) return;
    door.home();
    // An update reloads the page: only when nobody is using or waiting for the room (K-4).
    const s = door.status()?.state;
    if (
      this.updateReady &&
      this.applyUpdate &&
      (s === undefined || s === 'free' || s === 'starting-soon')
    )
      this.applyUpdate();
  }

  override render() {
    const door = this.door;
    if (!door) {
      if (!this.unavailable)
        return html`<main><p role="status">${msg('正在载入…', { id: 'app.loading' })}</p></main>`;
      return html`<main class="empty">
        <h1>${msg('门口屏无法打开本机存储', { id: 'app.unavailable' })}</h1>
        <rejection-note .rejection=${this.unavailable}></rejection-note>
        <p>${msg('请点“重试”。若仍不行，请联系行政部。', { id: 'app.unavailable-hint' })}</p>
        <button class="primary" @click=${() => location.reload()}>
          ${msg('重试', { id: 'app.retry' })}
        </button>
      </main>`;
    }
    const rs = door.room;
    const home = door.screen.name === 'home';
    return html`
      <main>${rs ? drawScreen(door, rs) : this.#noRoom(door)} ${this.#flash(door, rs)}</main>
      <footer>
        <!-- With no hub, every event in the log is still to be synchronised (K-3). -->
        <sync-badge
          .status=${this.sync?.status}
          .pending=${door.service.position}
          .zone=${door.params().time.zone}
          @show-refusals=${() => void door.showRefusals()}
        ></sync-badge>
        <button
          class="gear"
          data-action=${home ? 'settings' : 'home'}
          @click=${() => (home ? door.go({ name: 'pin' }) : this.#home())}
        >
          ${home ? msg('设置', { id: 'settings.title' }) : msg('返回门口屏', { id: 'action.home' })}
        </button>
      </footer>
    `;
  }

  /** Above the screen's foot: the door's notes (a second tab, a standing conflict), the confirmations, a refusal. */
  #flash(door: Door, rs: RoomState | undefined) {
    const f = door.flash;
    const now = door.now();
    return html`<div class="flash" data-layer="overlay">
      ${
        rs
          ? doorNotes(
              rs,
              door.service.writer,
              now,
              door.params(now).time.zone,
              door.people,
              door.service.state.meetings,
            )
          : nothing
      }
      ${this.#confirmations.region}
      ${
        f?.kind === 'done'
          ? html`<p class="done" role="status">✓ ${f.text}</p>`
          : f?.kind === 'refused'
            ? html`<div class="refused">
                <rejection-note .rejection=${f.rejection}></rejection-note>
                <button @click=${() => door.dismiss()}>
                  ${msg('知道了', { id: 'action.dismiss' })}
                </button>
              </div>`
            : nothing
      }
    </div>`;
  }

  #noRoom(door: Door) {
    const s = door.screen;
    if (s.name === 'pin') return pinScreen(door, s);
    if (s.name === 'settings') return settingsScreen(door, s);
    if (s.name === 'refusals') return refusalsScreen(door, s);
    return html`<div class="empty">
      <h1>${msg('还没有会议室', { id: 'app.no-rooms' })}</h1>
      <p>${msg('请在设置中导入日程文件。', { id: 'app.no-rooms-hint' })}</p>
    </div>`;
  }

  /** For tests: whether the screen is being kept on. */
  get wakeLockState(): string {
    return this.#wakeLock.state;
  }

  /** How long the screen waits untouched before it returns home (K-4; tests shorten it). */
  set idleTimeoutMs(ms: number) {
    this.#idle.timeoutMs = ms;
  }

  /** For tests and the idle return: restart the idle wait. */
  touch(): void {
    this.#idle.reset();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'huiyi-kiosk': HuiyiKiosk;
  }
}
