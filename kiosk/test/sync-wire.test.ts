// What the door sends and how it asks (S-2, S-5, R-8): pushes cut to the hub's body limit, a drawn
// signature as a path the core accepts, a catch-up's pages asked ahead, and no second sync for a
// poke the last page already answered.
import { expect } from '@open-wc/testing';
import { SIGNATURE_MAX_CHARS, signaturePath as signatureCheck } from '@huiyi/core';
import type { MutationRecord } from '@huiyi/store-idb';
import { signaturePath } from '../src/components/signature-path.js';
import { isKioskHubEvent } from '../src/sync/hub-events.js';
import type { PullReply, PushReply } from '../src/sync/protocol.js';
import {
  PUSH_MAX_BYTES,
  PUSH_MAX_MUTATIONS,
  SyncEngine,
  pushBatches,
  type LiveChannel,
  type SyncTarget,
} from '../src/sync/sync-engine.js';

const command = (n: number, extra = '') => ({
  id: n,
  command: { type: 'SignConfidentialityAgreement', now: n, signature: extra },
});

/** Waits until a condition holds (at most 5 s). */
async function until(holds: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !holds(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('the door’s pushes and pulls (S-2, S-5, R-8)', () => {
  it('S-2: a long queue goes in pushes of at most 200 commands and 256 KB, in counter order, none lost', () => {
    const many = Array.from({ length: 450 }, (_, i) => command(i + 1));
    const cut = pushBatches(many);
    expect(cut.map((b) => b.length)).to.deep.equal([PUSH_MAX_MUTATIONS, PUSH_MAX_MUTATIONS, 50]);
    const signed = Array.from({ length: 100 }, (_, i) =>
      command(i + 1, 'M1 1l'.padEnd(7_990, '1')),
    );
    const bySize = pushBatches(signed);
    expect(bySize.length).to.be.greaterThan(1);
    for (const b of bySize)
      expect(new TextEncoder().encode(JSON.stringify(b)).length).to.be.at.most(
        PUSH_MAX_BYTES + 100,
      );
    expect(bySize.flat().map((m) => m.id)).to.deep.equal(signed.map((m) => m.id));
    expect(pushBatches([])).to.deep.equal([]);
  });

  it('R-8: the pad’s strokes become a path in the 1000 × 400 box the core accepts, steps of nothing left out', () => {
    const path = signaturePath(
      [
        [
          [0, 0, 0.5],
          [10, 5, 0.5],
          [10, 5, 0.5],
          [20, 0, 0.5],
        ],
        [[50, 20, 0.5]],
      ],
      100,
      40,
    );
    expect(path).to.equal('M0 0l100 50 100 -50M500 200');
    expect(signatureCheck()(path, 'signature').ok).to.equal(true);
  });

  it('R-8: a scribble of thousands of points is drawn coarser until it fits 8,000 characters, and is still accepted', () => {
    let seed = 7;
    const random = () => (seed = (seed * 16_807) % 2_147_483_647) / 2_147_483_647;
    const strokes = Array.from({ length: 40 }, () =>
      Array.from({ length: 200 }, () => [random() * 800, random() * 300, 0.5]),
    );
    const path = signaturePath(strokes, 800, 300);
    expect(path.length).to.be.at.most(SIGNATURE_MAX_CHARS);
    expect(path.length).to.be.greaterThan(1_000);
    expect(signatureCheck()(path, 'signature').ok).to.equal(true);
  });

  it('R-8: the door keeps the agreements the hub sends for its meetings (its own, confirmed, and those signed elsewhere)', () => {
    const wire = {
      id: 'h1',
      stream: 'confidentiality:p-zhao',
      type: 'ConfidentialityAgreementSigned',
      data: {
        type: 'ConfidentialityAgreementSigned',
        personId: 'p-zhao',
        version: 1,
        signatureRef: 'desk-sig',
        meetingId: 'm1',
        by: 'p-zhao',
        at: 1,
      },
      now: 1,
      who: 'p-zhao',
      device: 'dealer',
      position: 9,
      streamVersion: 1,
      roomId: 'C',
      clientId: null,
      mutationId: null,
    };
    expect(isKioskHubEvent(wire)).to.equal(true);
    expect(isKioskHubEvent({ ...wire, type: 'FeeCharged', data: { type: 'FeeCharged' } })).to.equal(
      false,
    );
  });

  it('S-5: a catch-up asks for the next page while it writes this one; the live channel opening before the last page is asked for runs no second sync, a poke does', async () => {
    const log: string[] = [];
    let pulls = 0;
    const pages = 3;
    let poke: () => void = () => undefined;
    let opened: () => void = () => undefined;
    let during = (): void => opened();
    const page = (n: number): PullReply => ({
      cursor: String(n),
      events: [],
      hasMore: n < pages,
      lastMutationIds: {},
      refusals: [],
      hubTime: 0,
    });
    const hub = {
      push: (): Promise<PushReply> => Promise.reject(new Error('nothing to push')),
      pull: (cursor: string | undefined) => {
        pulls += 1;
        const n = Number(cursor ?? 0) + 1;
        log.push(`ask ${n}`);
        return Promise.resolve(page(n));
      },
      liveUrl: () => 'about:blank',
    };
    let cursor: string | undefined;
    const target: SyncTarget = {
      pending: () => Promise.resolve([] as MutationRecord[]),
      answer: () => Promise.resolve(),
      applyPage: async (p) => {
        log.push(`write ${p.cursor}`);
        // The channel opens while the first page is written: the pages asked after it answer it.
        if (p.cursor === '1') during();
        await new Promise((resolve) => setTimeout(resolve, 5));
        cursor = p.cursor;
      },
      cursor: () => Promise.resolve(cursor === undefined ? {} : { cursor }),
      resetCursor: () => Promise.resolve(),
      refusedUnseen: () => Promise.resolve(0),
    };
    const live: LiveChannel = {
      addEventListener: (type, listener) => {
        if (type === 'poke') poke = listener;
        if (type === 'open') opened = listener;
      },
      close: () => undefined,
    };
    const engine = new SyncEngine({
      hub,
      target,
      clientId: 'door-D',
      now: () => 0,
      live: () => live,
      timers: { set: () => 0, clear: () => undefined },
    });
    engine.start();
    await until(() => log.includes('write 3'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    engine.stop();
    expect(log).to.deep.equal(['ask 1', 'ask 2', 'write 1', 'ask 3', 'write 2', 'write 3']);
    expect(pulls).to.equal(3);
    expect(engine.status.kind).to.equal('synced');
    // A poke during a sync always runs one more (what it announces may not be readable yet).
    log.length = 0;
    cursor = undefined;
    during = () => poke();
    engine.start();
    await until(() => log.includes('write 4'));
    engine.stop();
    // The second sync starts from where the first ended: one page more, asked again.
    expect(log).to.deep.equal([
      'ask 1',
      'ask 2',
      'write 1',
      'ask 3',
      'write 2',
      'write 3',
      'ask 4',
      'write 4',
    ]);
  });
});
