// The kiosk guide, in both languages, against the kiosk's code: the PIN a new tablet starts with,
// the idle time, and the two versions keeping the same steps.
import { expect, it } from 'vitest';
import { DEFAULT_PARAMETERS } from '@huiyi/core';
import { DEFAULT_PIN } from '../../kiosk/src/services/settings.js';
import { page } from './pages.js';

const en = page('guide/kiosk.md');
const zh = page('zh/guide/kiosk.md');
const headings = (text: string) => text.split('\n').filter((l) => l.startsWith('## '));

it("K-4: both guides give a new tablet's admin PIN", () => {
  expect(en).toContain(`**${DEFAULT_PIN}**`);
  expect(zh).toContain(`**${DEFAULT_PIN}**`);
});

it('K-4: both guides give the idle time of the policy', () => {
  const seconds = DEFAULT_PARAMETERS.kiosk.idleReturnSeconds;
  expect(en).toContain(`After ${seconds} seconds without a touch`);
  expect(zh).toContain(`${seconds} 秒无人触碰`);
});

it('K-5: the Chinese guide has the same sections as the English one', () => {
  expect(headings(zh).length).toBe(headings(en).length);
  expect(zh.match(/^<<< .+$/gm)).toEqual(en.match(/^<<< .+$/gm));
});
