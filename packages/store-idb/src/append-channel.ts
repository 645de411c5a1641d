/** What a store tells other tabs after it appended: the positions now in the log. */
export interface AppendNotice {
  /** The database the events went to. */
  readonly database: string;
  /** The first and last position appended. */
  readonly from: number;
  readonly to: number;
  /** How many events. */
  readonly count: number;
  /** Events of the log were retired by the same write (a sync step): fold the log again. */
  readonly retired?: boolean;
}

/** A listener of appends made by another tab (or another store on the same database). */
export type AppendListener = (notice: AppendNotice) => void;

const isNotice = (v: unknown): v is AppendNotice => {
  if (typeof v !== 'object' || v === null) return false;
  const n = v as Record<string, unknown>;
  return (
    typeof n['database'] === 'string' &&
    Number.isInteger(n['from']) &&
    Number.isInteger(n['to']) &&
    Number.isInteger(n['count'])
  );
};

/**
 * The BroadcastChannel through which the stores of one database tell each other of appends.
 * A channel never hears its own messages: a store learns only of other tabs' appends.
 */
export interface AppendChannel {
  /** Tells the others. */
  post(notice: AppendNotice): void;
  /** Listens; returns the function that stops listening. */
  subscribe(listener: AppendListener): () => void;
  close(): void;
}

/**
 * Opens the append channel of a database, or a silent one where BroadcastChannel is missing.
 *
 * @param database - the database's name
 * @returns the channel
 * @example
 * const channel = openAppendChannel('huiyi');
 * const stop = channel.subscribe((n) => console.log(n.from, n.to));
 */
export function openAppendChannel(database: string): AppendChannel {
  const listeners = new Set<AppendListener>();
  const channel =
    typeof BroadcastChannel === 'function'
      ? new BroadcastChannel(`huiyi-store:${database}`)
      : undefined;
  if (channel) {
    channel.onmessage = (event: MessageEvent<unknown>) => {
      if (!isNotice(event.data) || event.data.database !== database) return;
      for (const listener of listeners) listener(event.data);
    };
  }
  return {
    post(notice) {
      channel?.postMessage(notice);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      listeners.clear();
      channel?.close();
    },
  };
}
