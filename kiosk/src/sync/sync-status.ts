/**
 * What the door's sync badge says (K-3: the door shows when it last synchronised), one of:
 * - `standalone`: no hub; the door keeps its data on this tablet (one room, schedule from a file);
 * - `syncing`: talking to the hub now;
 * - `synced`: the hub has everything the door did, and the door everything the hub has for it;
 * - `offline`: the hub cannot be reached since `since`; `waiting` commands are kept for it;
 * - `revoked`: the hub no longer accepts this door's token (revoked at the hub);
 * - `unenrolled`: the door was taken off its hub here, in its settings; it keeps its log.
 *
 * Every kind but `standalone` carries `refused`: the door's commands the hub refused that the
 * staff have not yet looked at; and `clock` when the hub found the door's clock off.
 */
export type SyncStatus =
  | { readonly kind: 'standalone'; readonly waiting: number }
  | ({ readonly kind: 'syncing'; readonly waiting: number } & Common)
  | ({ readonly kind: 'synced'; readonly at: number } & Common)
  | ({
      readonly kind: 'offline';
      readonly since: number;
      readonly waiting: number;
      /** When the door tries again. */
      readonly retryAt: number;
    } & Common)
  | ({ readonly kind: 'revoked'; readonly waiting: number } & Common)
  | ({ readonly kind: 'unenrolled'; readonly waiting: number } & Common);

/** What every status of a door with a hub also says. */
export interface Common {
  readonly refused: number;
  /** The door's clock as the hub measured it, when it is off (`bounded`) or too far off (`refused`). */
  readonly clock?: { readonly status: 'bounded' | 'refused'; readonly skewMs: number };
  /** When a pull last reached the hub's end (epoch ms), if ever. */
  readonly syncedAt?: number;
}
