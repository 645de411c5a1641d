import type { Message } from '../rejection/rejection.js';

/**
 * What went wrong in a store, each leaving the log as it was:
 * - `quota-exceeded`: the device's storage is full; the batch was not written.
 * - `blocked`: an upgrade waits for another tab that still holds the old version open.
 * - `version-conflict`: the database belongs to another version of the code (newer on disk, or
 *   another tab is upgrading it); this connection is closed.
 * - `corrupt-record`: a stored record does not parse; it was quarantined and is skipped.
 * - `closed`: the store was closed (by its owner, or by the browser).
 * - `invalid-event`: an event to append is malformed; nothing of its batch was written.
 * - `unavailable`: there is no storage here (no IndexedDB, or it refused to open).
 * - `failed`: any other storage failure; the batch was not written.
 */
export type StoreErrorKind =
  | 'quota-exceeded'
  | 'blocked'
  | 'version-conflict'
  | 'corrupt-record'
  | 'closed'
  | 'invalid-event'
  | 'unavailable'
  | 'failed';

/** Every kind of store error, in the order of {@link StoreErrorKind}. */
export const STORE_ERROR_KINDS: readonly StoreErrorKind[] = [
  'quota-exceeded',
  'blocked',
  'version-conflict',
  'corrupt-record',
  'closed',
  'invalid-event',
  'unavailable',
  'failed',
];

const MESSAGES: Readonly<Record<StoreErrorKind, Message>> = {
  'quota-exceeded': {
    'zh-CN': '设备存储空间已满，本次操作未写入任何内容',
    en: "the device's storage is full; nothing was written",
  },
  blocked: {
    'zh-CN': '另一个标签页仍在使用旧版本的数据，请关闭它后重试',
    en: 'another tab still holds an older version of the data open: close it and try again',
  },
  'version-conflict': {
    'zh-CN': '数据已被其他版本的应用使用，请重新加载页面',
    en: 'the data belongs to another version of the app: reload the page',
  },
  'corrupt-record': {
    'zh-CN': '有一条记录无法读取，已隔离保存并跳过',
    en: 'a record could not be read; it was quarantined and skipped',
  },
  closed: { 'zh-CN': '存储已关闭', en: 'the store is closed' },
  'invalid-event': {
    'zh-CN': '事件格式不正确，本批未写入任何内容',
    en: 'an event is malformed; nothing of its batch was written',
  },
  unavailable: {
    'zh-CN': '此浏览器无法使用本地存储',
    en: 'local storage is not available in this browser',
  },
  failed: {
    'zh-CN': '存储操作失败，未写入任何内容',
    en: 'the storage operation failed; nothing was written',
  },
};

/**
 * A storage fault as a typed error: its kind, a message in both languages, and the data behind
 * it. Stores reject with it; the log is as it was before the call that failed.
 *
 * @example
 * const e = new StoreError('quota-exceeded', { events: 3 });
 * [e.kind, e.messages.en] // => ['quota-exceeded', "the device's storage is full; nothing was written"]
 */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  /** What went wrong. */
  readonly kind: StoreErrorKind;
  /** What to tell a person, in Chinese and English. */
  readonly messages: Message;
  /** The values behind it: a record's position, an event's index and field … */
  readonly data: Readonly<Record<string, unknown>>;

  /**
   * Makes a store error.
   *
   * @param kind - what went wrong
   * @param data - the values behind it
   * @param options - `cause`: the underlying error (a `DOMException` …)
   */
  constructor(
    kind: StoreErrorKind,
    data: Readonly<Record<string, unknown>> = {},
    options: { readonly cause?: unknown } = {},
  ) {
    const messages = MESSAGES[kind];
    const detail = Object.keys(data).length === 0 ? '' : ` ${JSON.stringify(data)}`;
    super(`${messages.en}${detail}`, 'cause' in options ? { cause: options.cause } : {});
    this.kind = kind;
    this.messages = messages;
    this.data = data;
  }
}

/**
 * Whether a value is a store error, of a given kind if one is named.
 *
 * @param value - anything caught
 * @param kind - the kind to look for (any when left out)
 * @returns true when it is one
 * @example
 * isStoreError(new StoreError('closed'), 'closed') // => true
 */
export function isStoreError(value: unknown, kind?: StoreErrorKind): value is StoreError {
  return value instanceof StoreError && (kind === undefined || value.kind === kind);
}
