import { expect } from '@open-wc/testing';
import { GestureGuard } from '../src/door/gesture.js';

describe('GestureGuard', () => {
  /** A guard on a clock the test moves, and a command that counts its runs. */
  function guarded() {
    let t = 0;
    const guard = new GestureGuard(1_000, 400, () => t);
    let runs = 0;
    const tap = (key: string) =>
      guard.run(
        key,
        async () => (runs += 1),
        () => undefined,
      );
    return { at: (ms: number) => (t = ms), tap, runs: () => runs, guard };
  }

  it('K-2: a second tap of the same control within a second is the same gesture', async () => {
    const g = guarded();
    await g.tap('extend');
    g.at(150);
    expect(await g.tap('extend')).to.equal(undefined);
    g.at(999);
    await g.tap('extend');
    expect(g.runs()).to.equal(1);
    g.at(1_000);
    await g.tap('extend');
    expect(g.runs()).to.equal(2);
  });

  it('K-2: any tap within 400 ms of a gesture is ignored, wherever the screen moved it', async () => {
    const g = guarded();
    await g.tap('attend:p-liu');
    g.at(54);
    await g.tap('attend:p-zhang');
    g.at(399);
    await g.tap('walk-up');
    expect(g.runs()).to.equal(1);
    g.at(400);
    await g.tap('attend:p-zhang');
    expect(g.runs()).to.equal(2);
  });

  it('K-2: while a command is in flight every tap waits, and the guard says which is in flight', async () => {
    let t = 0;
    const guard = new GestureGuard(1_000, 400, () => t);
    let finish: () => void = () => undefined;
    const slow = guard.run(
      'end',
      () => new Promise<void>((r) => (finish = r)),
      () => undefined,
    );
    expect(guard.inFlight).to.equal('end');
    t = 5_000;
    expect(
      await guard.run(
        'sign-in',
        async () => 'ran',
        () => undefined,
      ),
    ).to.equal(undefined);
    finish();
    await slow;
    expect(guard.inFlight).to.equal(undefined);
    expect(
      await guard.run(
        'sign-in',
        async () => 'ran',
        () => undefined,
      ),
    ).to.equal('ran');
  });
});
