// Publishing, reading, amending and flagging minutes (N-2 … N-5) at their edges: the exact due
// moment, what each notice carries, who may read, and when a repeat is a repeat.
import { describe, expect, it } from 'vitest';
import type { Rejection, Result } from '../rejection/index.js';
import {
  at,
  boss,
  chen,
  draft,
  END,
  FACTS,
  HOUR,
  li,
  liu,
  mcmd,
  mevents,
  minutesDecider,
  minutesHistory,
  stranger,
  sun,
} from './fixtures.test-helpers.js';
import type { MinutesEvent } from './minutes-events.js';
import { foldMinutesEvents } from './minutes-state.js';

const T = END + HOUR; // Wednesday 11:00
const DUE = at(3, 18); // Thursday 18:00
const decideAfter = (log: readonly MinutesEvent[], c: Record<string, unknown>) =>
  minutesDecider.decide(c, foldMinutesEvents(minutesDecider.initialState, log));
const rejection = (r: Result<readonly MinutesEvent[]>): Rejection => {
  if (r.ok) throw new Error(`expected a rejection, got ${JSON.stringify(r.value)}`);
  return r.rejection;
};
const noticesOf = (es: readonly MinutesEvent[]) =>
  es.flatMap((e) => (e.type === 'NoticeIssued' ? [e.notice] : []));
const approved = () =>
  minutesHistory(
    draft(T),
    mcmd('SubmitMinutes', liu, T + HOUR),
    mcmd('ApproveMinutes', chen, T + 2 * HOUR),
  ).log;
const published = () => [
  ...approved(),
  ...mevents(decideAfter(approved(), mcmd('PublishMinutes', chen, T + 3 * HOUR))),
];

describe('N-3 and N-5: publishing', () => {
  it('N-5: minutes published at the very moment they are due are on time; a moment later, late', () => {
    const at_ = (now: number) =>
      mevents(decideAfter(approved(), mcmd('PublishMinutes', chen, now)))[0];
    expect(at_(DUE)).toMatchObject({ type: 'MinutesPublished', late: false });
    expect(at_(DUE + 1)).toMatchObject({ type: 'MinutesPublished', late: true });
  });

  it('N-3: the notice of publication carries the version, the topic and each work item in full', () => {
    const es = mevents(decideAfter(approved(), mcmd('PublishMinutes', chen, T + 3 * HOUR)));
    const [first] = noticesOf(es);
    expect(first?.data).toEqual({
      version: 1,
      topic: '售后周例会',
      items: [
        {
          id: 'o1',
          text: '投诉 48 小时内回访',
          ownerId: 'li',
          due: at(9, 18),
          urgency: 'urgent',
          collaborators: ['wang'],
        },
      ],
    });
  });

  it('N-3: minutes with no work items still tell everyone, with an empty list of items', () => {
    const info = minutesHistory(
      draft(T, {
        items: [{ id: 'o1', agendaItemId: 'i2', kind: 'information', text: '投诉 48 小时内回访' }],
      }),
      mcmd('SubmitMinutes', liu, T + HOUR),
      mcmd('ApproveMinutes', chen, T + 2 * HOUR),
    ).log;
    const es = mevents(decideAfter(info, mcmd('PublishMinutes', chen, T + 3 * HOUR)));
    expect(noticesOf(es)[0]?.data).toMatchObject({ items: [] });
  });

  it('N-2: only the chair or the recorder publishes; a draft or returned version is not published', () => {
    const r = rejection(decideAfter(approved(), mcmd('PublishMinutes', li, T + 3 * HOUR)));
    expect(r).toMatchObject({ rule: 'N-3', code: 'permission.chair-or-recorder' });
    const drafted = minutesHistory(draft(T)).log;
    const wrong = rejection(decideAfter(drafted, mcmd('PublishMinutes', chen, T + HOUR)));
    expect(wrong).toMatchObject({ rule: 'N-2', code: 'minutes.wrong-status' });
    expect(wrong.message.en).toContain('be published');
    expect(rejection(decideAfter([], mcmd('PublishMinutes', chen, T))).code).toBe(
      'minutes.unknown',
    );
  });
});

describe('N-3: reading', () => {
  it('N-3: the chair and the recorder may acknowledge too; a stranger may not', () => {
    const p = published();
    for (const who of [chen, liu, sun, boss]) {
      expect(
        mevents(decideAfter(p, mcmd('AcknowledgeMinutes', who, T + 4 * HOUR, { version: 1 }))),
      ).toEqual([
        { type: 'MinutesRead', meetingId: 'm1', version: 1, personId: who.id, at: T + 4 * HOUR },
      ]);
    }
    expect(
      rejection(decideAfter(p, mcmd('AcknowledgeMinutes', stranger, T, { version: 1 }))),
    ).toMatchObject({ rule: 'N-3', code: 'minutes.not-a-recipient', data: { personId: 'nobody' } });
  });

  it('N-3: a version not yet published cannot be read, even while it is being amended', () => {
    const p = published();
    const amending = [
      ...p,
      ...mevents(
        decideAfter(p, mcmd('AmendMinutes', liu, at(4, 10), { reason: '更正', summary: '更正' })),
      ),
    ];
    expect(
      rejection(decideAfter(amending, mcmd('AcknowledgeMinutes', boss, at(4, 11), { version: 2 }))),
    ).toMatchObject({ rule: 'N-4', code: 'minutes.version-not-published', data: { version: 2 } });
    expect(
      rejection(decideAfter(approved(), mcmd('AcknowledgeMinutes', boss, T, { version: 1 }))).code,
    ).toBe('minutes.version-not-published');
    // reading version 1 goes on
    expect(
      mevents(decideAfter(amending, mcmd('AcknowledgeMinutes', boss, at(4, 11), { version: 1 }))),
    ).toHaveLength(1);
  });
});

describe('N-4: amendments', () => {
  const amend = (over: Record<string, unknown> = {}) =>
    mcmd('AmendMinutes', liu, at(4, 10), { reason: '更正回访期限', summary: '更正', ...over });

  it('N-4: an open amendment asked again with the same reason but other content is refused', () => {
    const p = published();
    const open = [...p, ...mevents(decideAfter(p, amend()))];
    expect(rejection(decideAfter(open, amend({ summary: '另一处更正' })))).toMatchObject({
      rule: 'N-4',
      code: 'minutes.amendment-open',
      data: { version: 2 },
    });
    expect(mevents(decideAfter(open, amend({ now: at(4, 11) })))).toEqual([]);
  });

  it('N-4: only the recorder amends, and the refusal says what may not be done', () => {
    const r = rejection(decideAfter(published(), amend({ actor: chen })));
    expect(r).toMatchObject({ rule: 'N-4', code: 'permission.recorder' });
    expect(r.message.en).toContain('amend the minutes');
  });

  it('N-4: the amendment records its version, reason, content, who and when', () => {
    const [e] = mevents(decideAfter(published(), amend()));
    expect(e).toMatchObject({
      type: 'MinutesAmended',
      meetingId: 'm1',
      version: 2,
      reason: '更正回访期限',
      by: 'liu',
      at: at(4, 10),
    });
  });
});

describe('N-5: flagging late minutes', () => {
  const review = (now: number, over: Record<string, unknown> = {}) =>
    mcmd('ReviewMinutes', stranger, now, over);

  it('N-5: published minutes are never flagged, however late the review', () => {
    expect(mevents(decideAfter(published(), review(DUE + 100 * HOUR)))).toEqual([]);
  });

  it('N-5: minutes never drafted are flagged from the facts only after the exact due moment', () => {
    expect(mevents(decideAfter([], review(DUE, { meeting: FACTS })))).toEqual([]);
    const es = mevents(decideAfter([], review(DUE + 1, { meeting: FACTS })));
    expect(es).toEqual([
      { type: 'MinutesFlaggedLate', meetingId: 'm1', due: DUE, at: DUE + 1, facts: FACTS },
      {
        type: 'NoticeIssued',
        meetingId: 'm1',
        notice: {
          noticeId: 'm1:reminder:liu:1',
          kind: 'reminder',
          to: { personId: 'liu' },
          meetingId: 'm1',
          data: { due: DUE },
        },
      },
    ]);
  });

  it('N-5: facts that do not belong to the meeting are refused', () => {
    const r = rejection(
      decideAfter([], review(DUE + 1, { meeting: { ...FACTS, meetingId: 'm9' } })),
    );
    expect(r.code).toBe('minutes.facts-mismatch');
  });
});
