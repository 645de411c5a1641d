import { expect } from '@open-wc/testing';
import { GestureGuard } from '../src/door/gesture.js';

describe('GestureGuard', () => {
  /** A guard on a clock the test moves, and a command that counts its runs. */
  function guarded() {
    let t = 0;
    const guard = new GestureGuard(800, () => t);
    let runs = 0;
    const tap = (key: string) =>
      guard.run(
        key,
        async () => (runs += 1),
        () => undefined,
      );
    return { at: (ms: number) => (t = ms), tap, runs: () => runs, guard };
  }

  it('K-2: a second tap of the same control within 800 ms after its command is the same gesture', async () => {
    const g = guarded();
    await g.tap('extend');
    g.at(150);
    expect(await g.tap('extend')).to.equal(undefined);
    g.at(799);
    await g.tap('extend');
    expect(g.runs()).to.equal(1);
    g.at(800);
    await g.tap('extend');
    expect(g.runs()).to.equal(2);
  });

  it('K-2: the 800 ms are counted from the end of the command, not from the tap', async () => {
    let t = 0;
    const guard = new GestureGuard(800, () => t);
    let runs = 0;
    await guard.run(
      'end',
      async () => {
        t = 2_000; // a slow write: the command finished 2 s after the tap
        runs += 1;
      },
      () => undefined,
    );
    t = 2_500;
    expect(
      await guard.run(
        'end',
        async () => (runs += 1),
        () => undefined,
      ),
    ).to.equal(undefined);
    t = 2_800;
    await guard.run(
      'end',
      async () => (runs += 1),
      () => undefined,
    );
    expect(runs).to.equal(2);
  });

  it('K-2: a different control right after a finished command is a new gesture', async () => {
    const g = guarded();
    await g.tap('attend:p-liu');
    g.at(1);
    await g.tap('attend:p-zhang');
    g.at(2);
    await g.tap('walk-up');
    expect(g.runs()).to.equal(3);
  });

  it('K-2: while a command is in flight every tap waits, and the guard says which is in flight', async () => {
    let t = 0;
    const guard = new GestureGuard(800, () => t);
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
