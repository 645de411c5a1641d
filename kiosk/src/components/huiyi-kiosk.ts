import { LitElement, css, html, nothing } from 'lit';
import { localized, msg, str } from '@lit/localize';
import {
  type PolicyLookup,
  type Rejection,
  type RoomState,
  type WorkingCalendar,
} from '@huiyi/core';
import { ClockController } from '../controllers/clock-controller.js';
import { ConfirmationsController } from '../controllers/confirmations-controller.js';
import { IdleController } from '../controllers/idle-controller.js';
import { WakeLockController } from '../controllers/wake-lock-controller.js';
import { systemClock, type Clock } from '../door/clock.js';
import { provideDoor } from '../door/door-context.js';
import { Door } from '../door/door.js';
import { atWork, defaultCalendar } from '../door/night.js';
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
 * settings). It ticks the clock, returns home after a minute untouched (counting down on every
 * sub-screen), dims the door when it is idle, free and out of working hours, shifts everything by a
 * few pixels every 10 minutes (burn-in), and keeps the screen on.
 */
@localized()
export class HuiyiKiosk extends LitElement {
  static override properties = {
    service: { attribute: false },
    unavailable: { attribute: false },
    settings: { attribute: false },
    clock: { attribute: false },
    policy: { attribute: false },
    calendar: { attribute: false },
    updateReady: { type: Boolean },
    applyUpdate: { attribute: false },
    sync: { attribute: false },
    enrolRefusal: { attribute: false },
    door: { state: true },
  };

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
      /* Burn-in: everything moves ±6 px every 10 minutes, its size kept; what is on it keeps more
         than 6 px from every edge, so only the edges of the backgrounds move out of view. */
      main,
      footer {
        margin: var(--dy, 0px) calc(0px - var(--dx, 0px)) calc(0px - var(--dy, 0px)) var(--dx, 0px);
      }
      :host([night]) {
        --panel: #000000;
      }
      :host([night]) footer {
        background: #000000;
        border-color: #000000;
      }
      .wake {
        position: absolute;
        inset: 0;
      }
      .countdown {
        font-variant-numeric: tabular-nums;
        white-space: nowrap;
        flex: none;
      }
      main {
        min-height: 0;
        overflow: hidden;
      }
      /* Landscape has no height to spare: one row, the sync's words wrapping inside the badge
         rather than pushing a button onto a second row. Portrait has: there the row may wrap. */
      footer {
        display: flex;
        justify-content: space-between;
        align-items: center;
        gap: 2vmin;
        padding: 1.2vmin 3vmin;
        background: #020617;
        border-top: 0.3vmin solid #334155;
      }
      footer button {
        min-height: 8vmin;
        flex: none;
      }
      footer button.gear {
        margin-left: auto;
      }
      footer sync-badge {
        flex: 0 1 auto;
        min-width: 0;
      }
      @media (max-aspect-ratio: 1/1) {
        footer {
          flex-wrap: wrap;
        }
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

  service?: KioskService;
  /** Why the kiosk could not open its log (K-3), when it could not: shown in place of the door. */
  unavailable?: Rejection;
  settings?: KioskSettings;
  /** Where the door reads the time (tests pass their own). */
  clock: Clock = systemClock;
  /** The parameters in force (default: the policy's defaults); the service decides by the same. */
  policy: PolicyLookup | undefined;
  /** The dealership's working calendar (T-3): out of its hours an idle, free door dims (default: the core's, in the policy's zone). */
  calendar: WorkingCalendar | undefined;
  /** A new version of the app is waiting; it is taken only when the room is free and idle. */
  updateReady = false;
  /** Applies a waiting update (reloads the page). */
  applyUpdate: (() => void) | undefined;
  /** The door and its hub (S-5): the badge's status, enrolment, the refused taps. */
  sync?: DoorSync;
  /** Why the enrolment in the address (`?enrol=`) or in the settings failed. */
  enrolRefusal: Rejection | undefined;
  #unsync: (() => void) | undefined;
  /** The door this shell serves, once it has a service and settings. */
  door: Door | undefined;
  /** Gives the door to the screens below that ask for it (they use a DoorController). */
  readonly #provide = provideDoor(this, () => this.door);
  #unsubscribe: (() => void)[] = [];
  /** Moves the door on each second. */
  protected readonly ticker = new ClockController(this, () => this.#tick());
  /** How long nobody has touched the screen, by the door's clock (K-4). */
  readonly #idle = new IdleController(this, 60_000, () => this.clock.now());
  /** The touch whose wait last ran out: home once for each. */
  #idleFor = Number.NaN;
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
      this.#idle.reset();
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

  /** Each second: the door moves on; an idle door goes home, and dims at night. */
  #tick(): void {
    const door = this.door;
    if (!door) return;
    if (this.#idle.left() <= 0 && this.#idleFor !== this.#idle.touchedAt) {
      this.#idleFor = this.#idle.touchedAt;
      this.#home();
    }
    door.night = this.#night(door);
    door.tick();
  }

  /** Idle, home, free and out of the working calendar's hours (T-3): the door dims. */
  #night(door: Door): boolean {
    const now = door.now();
    if (this.#idle.left() > 0 || door.screen.name !== 'home' || door.status(now)?.state !== 'free')
      return false;
    return !atWork(this.calendar ?? defaultCalendar(door.params(now).time.zone), now);
  }

  /** The first tap on a dimmed door only wakes it. */
  #wake(door: Door): void {
    this.#idle.reset();
    door.night = false;
    door.changed();
  }

  override updated(): void {
    // Burn-in: one of nine places, ±6 px, each for 10 minutes of the door's clock.
    const k = Math.floor((this.door?.now() ?? 0) / 600_000);
    this.style.setProperty('--dx', `${((k % 3) - 1) * 6}px`);
    this.style.setProperty('--dy', `${((Math.floor(k / 3) % 3) - 1) * 6}px`);
    this.toggleAttribute('night', this.door?.night === true);
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
    const left = Math.max(0, Math.ceil(this.#idle.left() / 1000));
    // The footer's badge: with no hub, every event in the log is still to be synchronised (K-3).
    return html`
      <main>${rs ? drawScreen(door, rs) : this.#noRoom(door)} ${this.#flash(door, rs)}</main>
      <footer>
        <sync-badge
          .status=${this.sync?.status}
          .pending=${door.service.position}
          .zone=${door.params().time.zone}
          @show-refusals=${() => void door.showRefusals()}
        ></sync-badge>
        ${
          home
            ? nothing
            : html`<span
                class="countdown"
                role="timer"
                aria-label=${msg(str`${left} 秒后自动返回门口屏`, { id: 'app.countdown-label' })}
                >${msg(str`${left} 秒后返回`, { id: 'app.countdown' })}</span
              >`
        }
        <button
          class="gear"
          data-action=${home ? 'settings' : 'home'}
          @click=${() => (home ? door.go({ name: 'pin' }) : this.#home())}
        >
          ${home ? msg('设置', { id: 'settings.title' }) : msg('返回门口屏', { id: 'action.home' })}
        </button>
      </footer>
      ${door.night ? html`<div class="wake" @click=${() => this.#wake(door)}></div>` : nothing}
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
    this.#idle.reset();
  }

  /** For tests: move the door on a second now (the clock's tick). */
  tick(): void {
    this.#tick();
  }

  /** For tests and the idle return: restart the idle wait. */
  touch(): void {
    this.#idle.reset();
  }
}
customElements.define('huiyi-kiosk', HuiyiKiosk);

declare global {
  interface HTMLElementTagNameMap {
    'huiyi-kiosk': HuiyiKiosk;
  }
}
