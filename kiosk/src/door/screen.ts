import type { Rejection } from '@huiyi/core';
import type { MutationRecord } from '@huiyi/store-idb';
import type { Signer } from './commands.js';

/**
 * The screens of the door, one tagged union: the shell routes on `name`, and each screen carries
 * what it is about. Every screen but home returns home after a minute untouched (K-4).
 */
export type Screen =
  | { readonly name: 'home' }
  | { readonly name: 'walk-up' }
  /** A later slot of today, tapped on the timeline: its lengths, then the booker's name. */
  | { readonly name: 'book'; readonly start: number }
  | {
      readonly name: 'sign-in';
      readonly meetingId: string;
      /** The sign-in officer, once they said who they are: they sign others in and out. */
      readonly officerId?: string;
    }
  | { readonly name: 'agreement'; readonly meetingId: string; readonly signer: Signer }
  | { readonly name: 'fault' }
  | { readonly name: 'checklist'; readonly bookingId: string }
  | { readonly name: 'power-off'; readonly bookingId: string }
  | { readonly name: 'pin'; readonly wrong?: boolean }
  | {
      readonly name: 'settings';
      /** What the last save, import or export did. */
      readonly notice?: string;
      /** Why the last import (or save) was refused, kept in view on the settings screen. */
      readonly importError?: Rejection;
    }
  | {
      readonly name: 'refusals';
      /** The taps the hub refused (S-5), read when the screen opened. */
      readonly items: readonly MutationRecord[];
    };

/** The name of a screen. */
export type ScreenName = Screen['name'];

/** What the door says after an action: done (for a few seconds), or refused and why. */
export type Flash =
  | { readonly kind: 'done'; readonly text: string }
  | { readonly kind: 'refused'; readonly rejection: Rejection };
