import { aTimeout, expect } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ConfirmationsController } from '../src/controllers/confirmations-controller.js';

/** A host that counts the updates asked for. */
function host(): ReactiveControllerHost & { updates: number } {
  const h = {
    updates: 0,
    addController: (_: ReactiveController) => undefined,
    removeController: (_: ReactiveController) => undefined,
    requestUpdate: () => {
      h.updates += 1;
    },
    updateComplete: Promise.resolve(true),
  };
  return h;
}

describe('ConfirmationsController (K-3: every write is confirmed on screen)', () => {
  it('K-3: each confirmation has its own lifetime: a later one never removes an earlier one', async () => {
    const c = new ConfirmationsController(host(), 300);
    c.show('刘洋 签到成功');
    await aTimeout(150);
    c.show('王芳 签退成功');
    expect(c.messages).to.deep.equal(['王芳 签退成功', '刘洋 签到成功']);
    await aTimeout(200);
    // The first is gone at its own 300 ms; the second stays until its own.
    expect(c.messages).to.deep.equal(['王芳 签退成功']);
    await aTimeout(200);
    expect(c.messages).to.deep.equal([]);
  });

  it('K-3: the same message again is shown again (a new node, heard again), its lifetime started over', async () => {
    const c = new ConfirmationsController(host(), 300);
    c.show('刘洋 签到成功');
    const first = c.region.firstElementChild;
    await aTimeout(200);
    c.show('刘洋 签到成功');
    expect(c.messages).to.have.length(1);
    // A new node: a screen reader hears it again.
    expect(c.region.firstElementChild).to.not.equal(first);
    expect(c.region.getAttribute('aria-live')).to.equal('polite');
    // 350 ms after the first showing, 150 after the repeat: still there (the first's timer is gone).
    await aTimeout(150);
    expect(c.messages).to.deep.equal(['刘洋 签到成功']);
    await aTimeout(250);
    expect(c.messages).to.deep.equal([]);
  });
});
