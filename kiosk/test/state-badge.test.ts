import { expect, fixture, html } from '@open-wc/testing';
import '../src/components/state-badge.js';
import type { StateBadge } from '../src/components/state-badge.js';

describe('state-badge', () => {
  it('K-1: says the state in words and shows a distinct shape for each, never colour alone', async () => {
    const shapes = new Set<string>();
    for (const [state, word] of [
      ['free', '空闲'],
      ['starting-soon', '即将开始'],
      ['waiting', '等待签到'],
      ['in-use', '使用中'],
    ] as const) {
      const el = await fixture<StateBadge>(html`<state-badge .state=${state}></state-badge>`);
      expect(el.shadowRoot!.textContent).to.contain(word);
      shapes.add(el.shadowRoot!.querySelector('svg')!.innerHTML.replace(/<!--.*?-->/g, ''));
      await expect(el).to.be.accessible();
    }
    expect(shapes.size).to.equal(4);
  });
});
