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

describe('N-2 … N-5: what the mutation run found untested', () => {
  const amend = (over: Record<string, unknown> = {}) =>
    mcmd('AmendMinutes', liu, at(4, 10), { reason: '更正回访期限', summary: '更正', ...over });
  const review = (now: number, over: Record<string, unknown> = {}) =>
    mcmd('ReviewMinutes', stranger, now, over);
  const flaggedFromFacts = () => mevents(decideAfter([], review(DUE + 1, { meeting: FACTS })));

  it('N-3: the recorder publishes too; publishing again is nothing to do', () => {
    const es = mevents(decideAfter(approved(), mcmd('PublishMinutes', liu, T + 3 * HOUR)));
    expect(es[0]).toEqual({
      type: 'MinutesPublished',
      meetingId: 'm1',
      version: 1,
      late: false,
      by: 'liu',
      at: T + 3 * HOUR,
    });
    expect(mevents(decideAfter(published(), mcmd('PublishMinutes', chen, T + 4 * HOUR)))).toEqual(
      [],
    );
  });

  it('N-2: the refusal to publish a draft says so in Chinese too', () => {
    const drafted = minutesHistory(draft(T)).log;
    const r = rejection(decideAfter(drafted, mcmd('PublishMinutes', chen, T + HOUR)));
    expect(r.message['zh-CN']).toContain('发布');
  });

  it('N-3: publication tells every recipient, and each absentee that they were absent and how', () => {
    const es = mevents(decideAfter(approved(), mcmd('PublishMinutes', chen, T + 3 * HOUR)));
    const notices = noticesOf(es);
    expect(notices.filter((n) => n.kind === 'minutes-published').map((n) => n.to)).toEqual(
      expect.arrayContaining([
        { personId: 'chen' },
        { personId: 'liu' },
        { personId: 'li' },
        { personId: 'boss' },
      ]),
    );
    // sun declined and was excused: the one absentee
    expect(notices.filter((n) => n.kind === 'absentee')).toEqual([
      {
        noticeId: 'm1:absentee:sun:1',
        kind: 'absentee',
        to: { personId: 'sun' },
        meetingId: 'm1',
        data: { version: 1, topic: '售后周例会', status: 'excused' },
      },
    ]);
  });

  it('N-5: only the first version can be late: an amendment published after the due moment is not', () => {
    const p = published();
    const v2 = minutesHistory(
      draft(T),
      mcmd('SubmitMinutes', liu, T + HOUR),
      mcmd('ApproveMinutes', chen, T + 2 * HOUR),
      mcmd('PublishMinutes', chen, T + 3 * HOUR),
      amend({ now: DUE + 10 * HOUR }),
      mcmd('SubmitMinutes', liu, DUE + 11 * HOUR),
      mcmd('ApproveMinutes', chen, DUE + 12 * HOUR),
    ).log;
    expect(p.length).toBeGreaterThan(0);
    expect(
      mevents(decideAfter(v2, mcmd('PublishMinutes', chen, DUE + 13 * HOUR)))[0],
    ).toMatchObject({
      type: 'MinutesPublished',
      version: 2,
      late: false,
    });
  });

  it('N-3: reading the same version twice is nothing to do', () => {
    const p = published();
    const read = [
      ...p,
      ...mevents(decideAfter(p, mcmd('AcknowledgeMinutes', boss, T + 4 * HOUR, { version: 1 }))),
    ];
    expect(
      mevents(decideAfter(read, mcmd('AcknowledgeMinutes', boss, T + 5 * HOUR, { version: 1 }))),
    ).toEqual([]);
  });

  it('N-4: the refusal of an amendment by someone else says so in Chinese too', () => {
    const r = rejection(decideAfter(published(), amend({ actor: chen })));
    expect(r.message['zh-CN']).toContain('修订纪要');
  });

  it('N-4: an open amendment asked again with the same content but another reason is refused', () => {
    const p = published();
    const open = [...p, ...mevents(decideAfter(p, amend()))];
    expect(rejection(decideAfter(open, amend({ reason: '另一个理由' })))).toMatchObject({
      rule: 'N-4',
      code: 'minutes.amendment-open',
    });
  });

  it('N-4: an amendment whose content breaks a rule is refused as the draft would be', () => {
    const r = rejection(
      decideAfter(published(), amend({ notes: [{ agendaItemId: 'i9', text: '没有这个议题' }] })),
    );
    expect(r).toMatchObject({
      rule: 'N-1',
      code: 'minutes.unknown-agenda-item',
      data: { agendaItemId: 'i9' },
    });
  });

  it('N-3: the chair and the recorder acknowledge even when they were not among those expected', () => {
    // both delegated their seat, say: the facts expect neither of them
    const away = (ids: readonly string[]) => ids.filter((p) => p !== 'chen' && p !== 'liu');
    const facts = { ...FACTS, expected: away(FACTS.expected), informed: away(FACTS.informed) };
    const p = minutesHistory(
      draft(T, { meeting: facts }),
      mcmd('SubmitMinutes', liu, T + HOUR),
      mcmd('ApproveMinutes', chen, T + 2 * HOUR),
      mcmd('PublishMinutes', chen, T + 3 * HOUR),
    ).log;
    for (const who of [chen, liu])
      expect(
        mevents(decideAfter(p, mcmd('AcknowledgeMinutes', who, T + 4 * HOUR, { version: 1 }))),
      ).toHaveLength(1);
  });

  it('N-2, N-4: minutes known only from the facts of a late flag are neither published nor amended', () => {
    const log = flaggedFromFacts();
    expect(rejection(decideAfter(log, mcmd('PublishMinutes', chen, DUE + 2))).code).toBe(
      'minutes.unknown',
    );
    expect(rejection(decideAfter(log, amend({ now: DUE + 2 }))).code).toBe('minutes.unknown');
  });

  it('N-5: a draft not published is flagged only after the exact due moment, with a reminder to the recorder, once', () => {
    const drafted = minutesHistory(draft(T)).log;
    expect(mevents(decideAfter(drafted, review(DUE)))).toEqual([]);
    const es = mevents(decideAfter(drafted, review(DUE + 1)));
    expect(es).toEqual([
      { type: 'MinutesFlaggedLate', meetingId: 'm1', due: DUE, at: DUE + 1 },
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
    expect(mevents(decideAfter([...drafted, ...es], review(DUE + 100 * HOUR)))).toEqual([]);
  });

  it('N-5: published minutes being amended are not flagged late', () => {
    const p = published();
    const amending = [...p, ...mevents(decideAfter(p, amend()))];
    expect(mevents(decideAfter(amending, review(DUE + 100 * HOUR)))).toEqual([]);
  });

  it('N-5: a review of minutes nobody drafted, without the meeting’s facts, is refused', () => {
    expect(rejection(decideAfter([], review(DUE + 1)))).toMatchObject({
      code: 'minutes.unknown',
      data: { meetingId: 'm1' },
    });
  });
});
