import { fail, ok, reject, type Result } from '@huiyi/core';
import type { EnrolmentRecord } from '@huiyi/store-idb';
import { HubFailure, enrol as enrolAt, hubBase, type Fetch } from './hub-client.js';

// Enrolling a door with a hub, and the settings' hub section that does it (`hub-enrolment`): a
// script of its own in the build, in the door's language (docs/decisions/kiosk-bundle.md), loaded
// by a door being enrolled and by any door once its PIN screen is asked for, never on the starts
// of a door that has its hub.
import '../components/hub-enrolment.js';

/**
 * Enrols the door with a hub: the hub's address and a one-time code from its admin. The door
 * learns its room from the hub, and `keep` keeps the enrolment in its log (the sync's `keep`); the
 * caller then opens the door again (a standalone door's own log gives way to the hub's).
 *
 * @param address - the hub's address as typed
 * @param code - the one-time code
 * @param deviceName - what the hub's admin sees the tablet as
 * @param keep - keeps the enrolment (its failure is the enrolment's)
 * @param now - the door's clock
 * @param fetchFn - the `fetch` to call (the page's by default)
 * @returns the enrolment, or why there is none (in both languages)
 */
export async function enrol(
  address: string,
  code: string,
  deviceName: string,
  keep: (enrolment: EnrolmentRecord) => Promise<void>,
  now: () => number,
  fetchFn?: Fetch,
): Promise<Result<EnrolmentRecord>> {
  const base = hubBase(address);
  if (base === undefined)
    return fail(
      reject('K-4', 'sync.address', {
        'zh-CN': '中心地址无效，请输入如 192.168.1.20:4173 的地址',
        en: 'That is not a hub address: type one such as 192.168.1.20:4173',
      }),
    );
  if (!/^[A-Za-z0-9]{4}-?[A-Za-z0-9]{4}$/.test(code.trim()))
    return fail(
      reject('K-4', 'sync.code', {
        'zh-CN': '连接码应为 8 位字母或数字，如 ABCD-EFGH',
        en: 'The code has 8 letters or digits, such as ABCD-EFGH',
      }),
    );
  try {
    const reply = await enrolAt(base, code, deviceName, fetchFn);
    const enrolment: EnrolmentRecord = {
      hub: base,
      deviceId: reply.deviceId,
      token: reply.deviceToken,
      room: reply.room,
      at: now(),
    };
    await keep(enrolment);
    return ok(enrolment);
  } catch (error) {
    return fail(enrolRejection(error));
  }
}

/**
 * Why an enrolment failed, as the settings show it.
 *
 * @param error - what the call threw
 * @returns the rejection
 */
export function enrolRejection(error: unknown): ReturnType<typeof reject> {
  if (error instanceof HubFailure) {
    if (error.kind === 'unreachable')
      return reject('K-4', 'sync.unreachable', {
        'zh-CN': '无法连接到中心，请检查地址和网络',
        en: 'The hub cannot be reached: check the address and the network',
      });
    if (error.body)
      return reject('K-4', error.body.code, error.body.message, { rule: error.body.rule });
  }
  return reject('K-4', 'sync.enrol-failed', {
    'zh-CN': '连接失败，请重试或向管理员索取新的连接码',
    en: 'Enrolment failed: try again, or ask the admin for a new code',
  });
}

/**
 * Enrols the door its page's address asks for: `?enrol=CODE` (with `&hub=ADDRESS` when the page
 * is not served by the hub), or a room's door served by the demo hub (`/door/<room>`, whose
 * `enrol.json` hands out a code).
 *
 * @param code - the address's code (`null`: none, the demo hub's is asked for)
 * @param roomId - the address's room, if any (names the tablet at the hub)
 * @param keep - keeps the enrolment (the sync's `keep`)
 * @param now - the door's clock
 * @returns the enrolment or why there is none; `undefined` when there is no code to enrol with
 */
export async function enrolHere(
  code: string | null,
  roomId: string | undefined,
  keep: (enrolment: EnrolmentRecord) => Promise<void>,
  now: () => number,
): Promise<Result<EnrolmentRecord> | undefined> {
  const given = code ?? (await demoCode());
  if (given === undefined) return undefined;
  const hub = new URLSearchParams(location.search).get('hub') ?? location.origin;
  return enrol(hub, given, `${roomId ?? 'kiosk'} · ${navigator.platform}`, keep, now);
}

/**
 * A one-time enrolment code from the demo hub that served this door (`/door/<room>/enrol.json`,
 * only in the demo on 127.0.0.1), if it is one. Only a door being enrolled asks, so it is here.
 *
 * @returns the code, or `undefined`
 */
export async function demoCode(): Promise<string | undefined> {
  try {
    const r = await fetch(`${location.pathname.replace(/\/$/, '')}/enrol.json`, {
      cache: 'no-store',
    });
    if (!r.ok) return undefined;
    const body = (await r.json()) as { code?: unknown };
    return typeof body.code === 'string' ? body.code : undefined;
  } catch {
    return undefined;
  }
}
