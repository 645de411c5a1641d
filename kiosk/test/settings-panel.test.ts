import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../src/components/settings-panel.js';
import type { SettingsPanel } from '../src/components/settings-panel.js';
import { DEMO_ROOMS, reject } from '@huiyi/core';
import { $, $$, button, chooseFile, deepText, typeInto } from './helpers.js';

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
  it('K-4: shows the rooms as buttons, this tablet’s room and language pressed', async () => {
    const el = await panel();
    expect($$(el, 'button[data-room]').map((b) => b.textContent!.trim())).to.deep.equal(
      DEMO_ROOMS.map((r) => r.name),
    );
    const pressed = (selector: string) =>
      $$(el, selector)
        .filter((b) => b.getAttribute('aria-pressed') === 'true')
        .map((b) => b.dataset['room'] ?? b.dataset['language']);
    expect(pressed('button[data-room]')).to.deep.equal(['B']);
    expect(pressed('button[data-language]')).to.deep.equal(['zh-CN']);
    // No stock form controls: a list box or a bare file button.
    expect($$(el, 'select').length).to.equal(0);
    expect(getComputedStyle($(el, '#import')).opacity).to.equal('0');
    await expect(el).to.be.accessible();
  });

  it('K-4: a refused import is shown on the settings screen, naming why', async () => {
    const el = await fixture<SettingsPanel>(
      html`<settings-panel
        .rooms=${DEMO_ROOMS}
        roomId="B"
        .importError=${reject('K-4', 'schedule.not-json', { 'zh-CN': '不是有效的 JSON', en: 'not JSON' })}
      ></settings-panel>`,
    );
    expect(deepText(el.shadowRoot!)).to.contain('不是有效的 JSON').and.to.contain('K-4');
    await expect(el).to.be.accessible();
  });

  it('K-4, K-5: saving fires settings-changed with the room and language chosen', async () => {
    const el = await panel();
    $(el, 'button[data-room="D"]').click();
    $(el, 'button[data-language="en"]').click();
    await el.updateComplete;
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

  it('K-4, S-5: a door with a hub is offered no schedule file: it says its schedule comes from the hub', async () => {
    const el = await fixture<SettingsPanel>(
      html`<settings-panel .rooms=${DEMO_ROOMS} roomId="B" hub></settings-panel>`,
    );
    expect(el.shadowRoot!.querySelector('#import')).to.equal(null);
    expect(deepText(el.shadowRoot!)).to.contain('本门牌已连接中心：日程由中心同步，不能导入文件');
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
