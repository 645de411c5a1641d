import { expect } from '@open-wc/testing';
import {
  DEFAULT_PIN,
  LEGACY_KEY,
  MIRROR_KEY,
  NO_PIN,
  checkPin,
  loadSettings,
  memorySettingsStore,
  mirroredSettings,
  settingsStoreOf,
} from '../src/services/settings.js';

/** A localStorage of its own. */
function storage(initial: Record<string, string> = {}): Storage {
  const kept = new Map(Object.entries(initial));
  return {
    get length() {
      return kept.size;
    },
    clear: () => kept.clear(),
    getItem: (k) => kept.get(k) ?? null,
    key: (i) => [...kept.keys()][i] ?? null,
    removeItem: (k) => void kept.delete(k),
    setItem: (k, v) => void kept.set(k, v),
  };
}

describe('settings kept in the store (K-3, K-4)', () => {
  it('K-4: a new tablet: a device id made once, the default PIN kept salted, zh-CN, no room', async () => {
    const store = memorySettingsStore();
    const page = storage();
    const first = await loadSettings(store, page, '');
    const again = await loadSettings(store, page, '');
    expect(first.device).to.match(/^kiosk-[0-9a-f]{8}$/);
    expect(again.device).to.equal(first.device);
    expect(first).to.include({ roomId: undefined, language: 'zh-CN' });
    expect(await checkPin(DEFAULT_PIN, first.pin)).to.equal(true);
    expect(again.pin).to.deep.equal(first.pin);
    // The first frame's copy is there from the first start on.
    expect(mirroredSettings(page, '')).to.include({ roomId: undefined, language: 'zh-CN' });
    expect(await checkPin('0000', first.pin)).to.equal(false);
  });

  it('K-4: settings an earlier version left in localStorage are moved into the store, then removed; its unsalted PIN still opens', async () => {
    const legacyHash = 'e2f0ac4fcbd4e5bbc2e9d6a3f1a2d0d9'; // not the PIN's: a wrong hash refuses
    const old = storage({
      [LEGACY_KEY]: JSON.stringify({
        roomId: 'D',
        language: 'en',
        pinHash: legacyHash,
        device: 'kiosk-old',
      }),
    });
    const store = memorySettingsStore();
    const s = await loadSettings(store, old, '');
    expect(s).to.include({ roomId: 'D', language: 'en', device: 'kiosk-old' });
    expect(old.getItem(LEGACY_KEY)).to.equal(null);
    expect(Object.fromEntries(await store.readSettings())).to.include({
      roomId: 'D',
      language: 'en',
    });
    expect(s.pin).to.deep.equal({ salt: '', hash: legacyHash, iterations: 0 });
    expect(await checkPin(DEFAULT_PIN, s.pin)).to.equal(false);
    // The hash earlier versions kept for 2468.
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode('huiyi:2468'));
    const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
    expect(await checkPin('2468', { salt: '', hash: hex, iterations: 0 })).to.equal(true);
  });

  it('K-5: ?lang=en shows English for the visit without changing what is kept', async () => {
    const store = memorySettingsStore({ language: 'zh-CN' });
    const s = await loadSettings(store, storage(), '?lang=en');
    expect(s.language).to.equal('en');
    expect((await store.readSettings()).get('language')).to.equal('zh-CN');
  });

  it('K-3: the first frame’s copy of the room and the language is written after the store, and holds no PIN', async () => {
    const page = storage();
    expect(mirroredSettings(page, '')).to.equal(undefined);
    const inner = memorySettingsStore();
    let release = (): void => undefined;
    const slow = new Promise<typeof inner>((resolve) => (release = () => resolve(inner)));
    const store = settingsStoreOf(slow, page);
    const saving = store.writeSettings({ roomId: 'C', language: 'en' });
    expect(page.getItem(MIRROR_KEY)).to.equal(null);
    release();
    await saving;
    expect(mirroredSettings(page, '')).to.deep.equal({
      roomId: 'C',
      language: 'en',
      pin: NO_PIN,
      device: '',
    });
    expect(await checkPin(DEFAULT_PIN, NO_PIN)).to.equal(false);
  });
});
