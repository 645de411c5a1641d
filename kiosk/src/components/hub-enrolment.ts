import { LitElement, css, html, nothing } from 'lit';
import { localized, msg, str } from '@lit/localize';
import { DEFAULT_PARAMETERS, type Rejection } from '@huiyi/core';
import type { EnrolmentRecord } from '@huiyi/store-idb';
import { hhmm } from '../i18n/format.js';
import type { SyncStatus } from '../sync/sync-status.js';
import { base } from './styles.js';
import './rejection-note.js';
import { fire } from './events.js';

/** The camera's QR reader where the browser has one (Chromium on Android tablets). */
interface BarcodeDetectorLike {
  detect(source: CanvasImageSource): Promise<{ rawValue: string }[]>;
}
type BarcodeDetectorClass = new (options: { formats: string[] }) => BarcodeDetectorLike;

/**
 * What a QR code says: an address with `?enrol=CODE` (the hub's own page for the door), or a
 * code alone.
 *
 * @param text - the code's text
 * @returns the hub's address (if it names one) and the code
 * @example
 * readEnrolQr('http://10.0.0.2:4173/door/B?enrol=ABCD-EFGH') // => { hub: 'http://10.0.0.2:4173', code: 'ABCD-EFGH' }
 */
export function readEnrolQr(text: string): { hub?: string; code: string } | undefined {
  const t = text.trim();
  if (/^[A-Za-z0-9]{4}-?[A-Za-z0-9]{4}$/.test(t)) return { code: t };
  try {
    const url = new URL(t);
    const code = url.searchParams.get('enrol');
    return code ? { hub: url.searchParams.get('hub') ?? url.origin, code } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The door's hub in its settings (behind the admin PIN): not connected, or connected to which hub
 * for which room, and whether the hub still accepts it. Takes the hub's address and a one-time
 * code, typed or read from a QR code with the camera (`BarcodeDetector`, where the tablet has
 * it). Fires `enrol` (`{ hub, code }`) and `unenrol`.
 */
@localized()
export class HubEnrolment extends LitElement {
  static override properties = {
    enrolment: { attribute: false },
    status: { attribute: false },
    refusal: { attribute: false },
    busy: { type: Boolean },
    zone: {},
    hub: { state: true },
    code: { state: true },
    scanning: { state: true },
  };

  static override styles = [
    base,
    css`
      :host {
        display: grid;
        gap: 2vmin;
      }
      input {
        min-width: 0;
      }
      .row {
        display: flex;
        gap: 1.5vmin;
        flex-wrap: wrap;
      }
      video {
        max-width: 100%;
        border-radius: 1.5vmin;
      }
    `,
  ];

  /** The enrolment in force, if any. */
  enrolment: EnrolmentRecord | undefined;
  status: SyncStatus | undefined;
  /** Why the last enrolment failed. */
  refusal: Rejection | undefined;
  /** An enrolment is under way. */
  busy = false;
  zone: string = DEFAULT_PARAMETERS.time.zone;
  private hub = typeof location === 'undefined' ? '' : location.origin;
  private code = '';
  private scanning = false;
  /** The camera's picture, while scanning. */
  private get video(): HTMLVideoElement | null {
    return this.renderRoot.querySelector('video');
  }
  #stream: MediaStream | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopScan();
  }

  #statusWords(): string {
    const s = this.status;
    const e = this.enrolment;
    if (!e) {
      return s?.kind === 'unenrolled'
        ? msg('本门牌已断开中心：仍可在本机使用，操作会保留到重新连接', { id: 'hub.unenrolled' })
        : msg('未连接中心：单机模式，只服务一个会议室，日程靠导入文件', { id: 'hub.standalone' });
    }
    if (s?.kind === 'revoked')
      return msg(str`中心 ${e.hub} 已停用本门牌的凭证：门牌仍可在本机使用，请重新连接`, {
        id: 'hub.revoked',
      });
    return msg(str`已连接中心 ${e.hub} · 会议室 ${e.room.name} · 自 ${hhmm(e.at, this.zone)}`, {
      id: 'hub.enrolled',
    });
  }

  override render() {
    const detector = (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
    const connected = this.enrolment !== undefined && this.status?.kind !== 'revoked';
    return html`
      <h2 id="hub">${msg('连接中心', { id: 'hub.title' })}</h2>
      <p role="status">${this.#statusWords()}</p>
      ${
        connected
          ? html`<div class="row">
              <button type="button" @click=${() => fire(this, 'unenrol')}>
                ${msg('断开中心', { id: 'hub.unenrol' })}
              </button>
            </div>`
          : html`
              <label for="hub-address">${msg('中心地址', { id: 'hub.address' })}</label>
              <input
                id="hub-address"
                inputmode="url"
                autocomplete="off"
                .value=${this.hub}
                @input=${(e: Event) => (this.hub = (e.target as HTMLInputElement).value)}
              />
              <label for="hub-code"
                >${msg('一次性连接码（向管理员索取）', { id: 'hub.code' })}</label
              >
              <input
                id="hub-code"
                autocomplete="off"
                autocapitalize="characters"
                placeholder="ABCD-EFGH"
                .value=${this.code}
                @input=${(e: Event) => (this.code = (e.target as HTMLInputElement).value)}
              />
              <div class="row">
                <button
                  class="primary"
                  type="button"
                  ?disabled=${this.busy || this.code.trim() === '' || this.hub.trim() === ''}
                  @click=${() => fire(this, 'enrol', { hub: this.hub, code: this.code })}
                >
                  ${msg('连接', { id: 'hub.enrol' })}
                </button>
                ${
                  detector
                    ? html`<button type="button" @click=${() => this.#scan(detector)}>
                        ${
                          this.scanning
                            ? msg('停止扫码', { id: 'hub.scan-stop' })
                            : msg('扫描二维码', { id: 'hub.scan' })
                        }
                      </button>`
                    : nothing
                }
              </div>
              ${this.scanning ? html`<video muted playsinline></video>` : nothing}
            `
      }
      ${this.refusal ? html`<rejection-note .rejection=${this.refusal}></rejection-note>` : nothing}
    `;
  }

  async #scan(Detector: BarcodeDetectorClass): Promise<void> {
    if (this.scanning) return this.#stopScan();
    try {
      this.#stream = await navigator.mediaDevices.getUserMedia({
        video: { facingMode: 'environment' },
      });
    } catch {
      return;
    }
    this.scanning = true;
    await this.updateComplete;
    const video = this.video;
    if (!video) return this.#stopScan();
    video.srcObject = this.#stream;
    await video.play().catch(() => undefined);
    const detector = new Detector({ formats: ['qr_code'] });
    while (this.scanning) {
      const found = await detector.detect(video).catch(() => []);
      const read = found.map((f) => readEnrolQr(f.rawValue)).find((r) => r !== undefined);
      if (read) {
        if (read.hub) this.hub = read.hub;
        this.code = read.code;
        this.#stopScan();
        fire(this, 'enrol', { hub: this.hub, code: this.code });
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  #stopScan(): void {
    this.scanning = false;
    for (const t of this.#stream?.getTracks() ?? []) t.stop();
    this.#stream = undefined;
  }
}
customElements.define('hub-enrolment', HubEnrolment);

declare global {
  interface HTMLElementTagNameMap {
    'hub-enrolment': HubEnrolment;
  }
}
