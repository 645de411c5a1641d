import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../src/components/agreement-pad.js';
import type { AgreementPad } from '../src/components/agreement-pad.js';
import { $, $$, button, drawOn } from './helpers.js';
import { signatureCheck } from '../src/components/agreement-pad.js';

const pad = () =>
  fixture<AgreementPad>(html`<agreement-pad .personName=${'赵敏'} .version=${1}></agreement-pad>`);

/** How many pixels of a PNG are ink (dark), not the pad's pale ground. */
async function inkIn(dataUrl: string): Promise<number> {
  const img = new Image();
  img.src = dataUrl;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = img.width;
  canvas.height = img.height;
  const ctx = canvas.getContext('2d')!;
  ctx.drawImage(img, 0, 0);
  const { data } = ctx.getImageData(0, 0, img.width, img.height);
  let ink = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i + 3]! > 0 && data[i]! < 128) ink += 1;
  return ink;
}

describe('agreement-pad', () => {
  it('R-8: shows the agreement, its version and the signer', async () => {
    const el = await pad();
    expect($(el, 'h1').textContent).to.contain('保密协议（第 1 版）');
    expect(el.shadowRoot!.textContent).to.contain('签署人：赵敏');
    expect($(el, 'canvas').getAttribute('aria-label')).to.equal('手写签名区');
    await expect(el).to.be.accessible();
  });

  it('R-8: confirming an empty pad shows an error and fires nothing', async () => {
    const el = await pad();
    let fired = false;
    el.addEventListener('agreement-signed', () => (fired = true));
    button(el, '签署并签到').click();
    await el.updateComplete;
    expect($(el, '[role="alert"]').textContent).to.equal('还没有签名：请在白色区域手写您的姓名。');
    expect(fired).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('R-8: a hand-drawn signature is confirmed as a PNG data URL with ink on it', async () => {
    const el = await pad();
    button(el, '签署并签到').click();
    await el.updateComplete;
    expect($$(el, '[role="alert"]').length).to.equal(1);
    await drawOn($<HTMLCanvasElement>(el, 'canvas'));
    await el.updateComplete;
    // Drawing clears the error.
    expect($$(el, '[role="alert"]').length).to.equal(0);
    const signed = oneEvent(el, 'agreement-signed');
    button(el, '签署并签到').click();
    const { detail } = (await signed) as CustomEvent<{ image: string }>;
    expect(detail.image).to.match(/^data:image\/png;base64,/);
    expect(await inkIn(detail.image)).to.be.greaterThan(50);
    await expect(el).to.be.accessible();
  });

  it('R-8: clearing the pad makes it empty again', async () => {
    const el = await pad();
    await drawOn($<HTMLCanvasElement>(el, 'canvas'));
    button(el, '重写').click();
    let fired = false;
    el.addEventListener('agreement-signed', () => (fired = true));
    button(el, '签署并签到').click();
    await el.updateComplete;
    expect(fired).to.equal(false);
    expect($(el, '[role="alert"]').textContent).to.equal('还没有签名：请在白色区域手写您的姓名。');
    await expect(el).to.be.accessible();
  });

  it('R-8: a dot is refused as a signature, with a word why, and nothing is fired', async () => {
    const el = await pad();
    let fired = false;
    el.addEventListener('agreement-signed', () => (fired = true));
    const canvas = $<HTMLCanvasElement>(el, 'canvas');
    const r = canvas.getBoundingClientRect();
    const at = { clientX: r.left + 100, clientY: r.top + 60, bubbles: true, composed: true };
    canvas.dispatchEvent(new PointerEvent('pointerdown', { ...at, pointerId: 1, buttons: 1 }));
    canvas.dispatchEvent(new PointerEvent('pointerup', { ...at, pointerId: 1 }));
    button(el, '签署并签到').click();
    await el.updateComplete;
    expect(fired).to.equal(false);
    expect($(el, '[role="alert"]').textContent).to.contain('签名太短，未被接受');
    await expect(el).to.be.accessible();
  });

  it('R-8: a signature needs enough ink spread over the pad: not a dot, a tap, a tick or a straight line', () => {
    const line = (points: [number, number][]) => [points.map(([x, y]) => [x, y, 0.5])];
    expect(signatureCheck([])).to.equal('empty');
    expect(signatureCheck(line([[10, 10]]))).to.equal('too-small');
    expect(
      signatureCheck(
        line([
          [10, 10],
          [30, 25],
        ]),
      ),
    ).to.equal('too-small');
    expect(
      signatureCheck(
        line([
          [10, 50],
          [300, 50],
        ]),
      ),
      'a straight line',
    ).to.equal('too-small');
    const zigzag = line([
      [10, 30],
      [60, 80],
      [110, 30],
      [160, 80],
      [210, 30],
    ]);
    expect(signatureCheck(zigzag)).to.equal('ok');
    // Strokes count together: two short strokes far apart make one signature.
    expect(
      signatureCheck([
        ...line([
          [10, 10],
          [90, 60],
        ]),
        ...line([
          [120, 10],
          [200, 60],
        ]),
      ]),
    ).to.equal('ok');
  });

  it('R-8: cancel fires cancel', async () => {
    const el = await pad();
    const cancelled = oneEvent(el, 'cancel');
    button(el, '取消').click();
    expect((await cancelled).type).to.equal('cancel');
    await expect(el).to.be.accessible();
  });
});
