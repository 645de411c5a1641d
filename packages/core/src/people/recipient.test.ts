import { describe, expect, it } from 'vitest';
import { noticeCountKey } from '../meetings/notice.js';
import type { Notice } from '../meetings/notice.js';
import { recipientKey } from './recipient.js';

describe('a notice’s addressee', () => {
  it('M-3, F-4: a person keys as their id, a role as role:<role>', () => {
    expect(recipientKey({ personId: 'li' })).toBe('li');
    expect(recipientKey({ role: 'leadership' })).toBe('role:leadership');
  });

  it('M-3: a notice stored before 0.2, addressed by a bare person id, counts as that person’s', () => {
    const stored = { kind: 'chase', to: 'li' } as unknown as Pick<Notice, 'kind' | 'to'>;
    expect(noticeCountKey(stored)).toBe(noticeCountKey({ kind: 'chase', to: { personId: 'li' } }));
  });
});
