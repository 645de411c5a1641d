import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../src/components/settings-panel.js';
import type { SettingsPanel } from '../src/components/settings-panel.js';
import { DEMO_ROOMS } from '../src/demo/demo-site.js';
import { $, button, chooseFile, typeInto } from './helpers.js';

const panel = (notice = '') =>
  fixture<SettingsPanel>(
    html`<settings-panel
      .rooms=${DEMO_ROOMS}
      roomId="B"
      language="zh-CN"
      .notice=${notice}
    ></settings-panel>`,
  );

describe('settings-panel', () => {
  it('K-4: shows the rooms with this tablet’s room selected, and the language', async () => {
    const el = await panel();
    const room = $<HTMLSelectElement>(el, '#room');
    expect([...room.options].map((o) => o.textContent)).to.deep.equal(
      DEMO_ROOMS.map((r) => r.name),
    );
    expect(room.value).to.equal('B');
    expect($<HTMLSelectElement>(el, '#language').value).to.equal('zh-CN');
    await expect(el).to.be.accessible();
  });

  it('K-4, K-5: saving fires settings-changed with the room and language chosen', async () => {
    const el = await panel();
    $<HTMLSelectElement>(el, '#room').value = 'D';
    $<HTMLSelectElement>(el, '#language').value = 'en';
    const changed = oneEvent(el, 'settings-changed');
    button(el, '保存').click();
    const { detail } = (await changed) as CustomEvent<{ roomId: string; language: string }>;
    expect(detail).to.deep.equal({ roomId: 'D', language: 'en' });
    await expect(el).to.be.accessible();
  });

  it('K-4: choosing a file fires import-file with its name and text', async () => {
    const el = await panel();
    const imported = oneEvent(el, 'import-file');
    const input = $<HTMLInputElement>(el, '#import');
    chooseFile(input, 'schedule.json', '{"format":"huiyi-schedule"}');
    const { detail } = (await imported) as CustomEvent<{ name: string; text: string }>;
    expect(detail).to.deep.equal({ name: 'schedule.json', text: '{"format":"huiyi-schedule"}' });
    // The same file can be chosen again.
    expect(input.value).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('K-4: export fires export-log; back fires close; the notice is shown', async () => {
    const el = await panel('已导出 12 条事件');
    const exported = oneEvent(el, 'export-log');
    button(el, '导出事件日志').click();
    expect((await exported).type).to.equal('export-log');
    const closed = oneEvent(el, 'close');
    button(el, '返回').click();
    expect((await closed).type).to.equal('close');
    expect($(el, '[role="status"]').textContent).to.equal('已导出 12 条事件');
    await expect(el).to.be.accessible();
  });

  it('K-4: the PIN change is disabled until 4 to 8 digits are typed', async () => {
    const el = await panel();
    const input = $<HTMLInputElement>(el, '#new-pin');
    const change = button(el, '修改密码');
    for (const [value, enabled] of [
      ['', false],
      ['123', false],
      ['12a4', false],
      ['123456789', false],
      ['1357', true],
      ['13572468', true],
    ] as const) {
      typeInto(input, value);
      await el.updateComplete;
      expect(change.disabled, value).to.equal(!enabled);
    }
    typeInto(input, '97531');
    await el.updateComplete;
    const changed = oneEvent(el, 'pin-changed');
    change.click();
    expect(((await changed) as CustomEvent<{ pin: string }>).detail).to.deep.equal({
      pin: '97531',
    });
    await el.updateComplete;
    expect(input.value).to.equal('');
    expect(change.disabled).to.equal(true);
    await expect(el).to.be.accessible();
  });
});
