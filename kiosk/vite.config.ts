import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { build, defineConfig, type Plugin, type Rolldown } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { demoData } from './build/demo-data.js';
import { compiledMessages, languagePicker, type BuildLanguage } from './build/language-builds.js';
import { minifyTemplates } from './build/minify-templates.js';
import { satellites } from './build/satellites.js';

// The core reads zone offsets through @date-fns/tz's tzOffset (Intl: ~20 ms to load in a new
// tab); the kiosk answers it from Temporal where the browser has it (src/time/tz-offset.ts).
const root = fileURLToPath(new URL('.', import.meta.url));
/**
 * The language this build of the door speaks (docs/decisions/kiosk-bundle.md): the build is
 * Chinese, and makes the English door with this same config, `HUIYI_BUILD_LANGUAGE=en`, into
 * `assets/index.en-<hash>.js`.
 */
const LANGUAGE: BuildLanguage = process.env['HUIYI_BUILD_LANGUAGE'] === 'en' ? 'en' : 'zh-CN';
/** The transforms of the app's source, in this language's build of the app. */
const sourcePlugins = () => [compiledMessages(root, LANGUAGE), minifyTemplates()];
/**
 * The transforms of a satellite's source: one satellite serves both languages' doors (the same
 * file, the same hash from either build), so it keeps both languages and has no messages. The demo's
 * day is fetched as JSON there too (the `standalone` satellite lays it).
 */
const satellitePlugins = () => [minifyTemplates(), demoData(root)];

/**
 * Terser, two passes, names mangled at the top of each module too: 0.9 KB gzip less than Vite's
 * own minifier on the door's script (docs/decisions/kiosk-bundle.md).
 */
const minify = {
  minify: 'terser',
  terserOptions: { ecma: 2020, toplevel: true, compress: { passes: 2 } },
} as const;

/** A module of the core's build, as the kiosk resolves `@huiyi/core` (its `dist`). */
const core = (path: string): string =>
  fileURLToPath(new URL(`../packages/core/dist/${path}`, import.meta.url));
/** A module of the kiosk's own source. */
const src = (path: string): string => fileURLToPath(new URL(`./src/${path}`, import.meta.url));
/** A module of a package the kiosk depends on, as it resolves it. */
const dependency = (path: string): string =>
  fileURLToPath(new URL(`../node_modules/${path}`, import.meta.url));
/** A module of the store's build, as the kiosk resolves `@huiyi/store-idb`. */
const store = (path: string): string =>
  fileURLToPath(new URL(`../packages/store-idb/dist/${path}`, import.meta.url));

const alias = [
  {
    find: /^@date-fns\/tz\/tzOffset$/,
    replacement: fileURLToPath(new URL('./src/time/tz-offset.ts', import.meta.url)),
  },
];

export default defineConfig({
  resolve: { alias },
  build: {
    target: 'es2022',
    ...minify,
    sourcemap: true,
    // One classic script, not a module (docs/decisions/kiosk-first-frame.md): Chromium compiles
    // the scripts a service worker caches at install and keeps their code, but only classic
    // scripts read it back; a module is compiled again on every start (~15 ms here). With code
    // splitting off, an import() is bundled into the one file, and there is nothing to preload.
    modulePreload: false,
    rolldownOptions: {
      output: { codeSplitting: false, format: 'iife', strict: true },
      // Vite's preload helper names import.meta; with nothing split off it is never called, and
      // src/ itself never uses import.meta.
      checks: { emptyImportMeta: false },
    },
  },
  preview: {
    host: '127.0.0.1',
    port: 4173,
  },
  plugins: [
    ...sourcePlugins(),
    // The demo dealership's day, a JSON file a new tablet's first start fetches.
    demoData(root),
    // What a door may never need, its own classic script, added to the page by the `import()`
    // that asks for it (docs/decisions/kiosk-bundle.md): the sync with a hub, which a door of its
    // own never loads, and what only a door of its own does (the demo's laying, the schedule-file
    // import), which a door with a hub never loads.
    satellites(
      root,
      [
        // The sync client also registers the hub calls the enrol script makes.
        {
          name: 'sync',
          entry: 'src/sync/door-sync.ts',
          exports: ['DoorSync', 'withSyncLog', 'HubFailure', 'enrol', 'hubBase'],
        },
        // Enrolling, and the settings' hub section that does it (the form, the status): in the
        // door's language, so built with each door (the English door's `enrol.en`).
        {
          name: 'enrol',
          entry: 'src/sync/enrol.ts',
          exports: ['enrol', 'enrolHere'],
          file: LANGUAGE === 'en' ? 'enrol.en' : 'enrol',
          plugins: sourcePlugins,
          // Its calls to the hub are the sync client's (a door loads it first, src/main.ts).
          takes: {
            from: 'sync',
            module: src('sync/hub-client.ts'),
            names: ['HubFailure', 'enrol', 'hubBase'],
          },
        },
        {
          name: 'standalone',
          entry: 'src/standalone/standalone.ts',
          exports: ['seedDemo', 'importSchedule'],
        },
      ],
      alias,
      satellitePlugins,
      minify,
      // What the satellites take from the door instead of a copy of their own (2.9 KB gzip of
      // `standalone`, for 18 bytes of the door's): the result builders, the zone arithmetic
      // `layDemoDay` lays the demo's day with, the checks of a schedule file's rooms and people.
      {
        [core('rejection/rejection.js')]: ['ok', 'fail', 'reject'],
        [core('time/zone.js')]: ['localDateOf', 'startOfLocalDay'],
        [core('time/local-date.js')]: ['addDays'],
        [core('rooms/room.js')]: ['checkRoom'],
        [core('people/person.js')]: ['checkPerson'],
        [core('store/check-new-event.js')]: ['validateBatch'],
        [store('event-record.js')]: ['addAll', 'written'],
        [store('requests.js')]: ['committed', 'read', 'result'],
        [core('rooms/booking-events.js')]: ['isBookingEvent'],
        [core('upkeep/upkeep-events.js')]: ['isUpkeepOwnEvent'],
        // The settings' hub section (in `enrol`) is drawn with the door's Lit, its styles, its
        // time format, its events and its rejection note (which the door defines).
        [dependency('lit/index.js')]: { only: ['LitElement', 'css', 'html', 'nothing'] },
        [src('components/styles.ts')]: { only: ['base'] },
        [src('components/events.ts')]: { only: ['fire'] },
        [src('components/rejection-note.ts')]: { only: [] },
        [src('i18n/format.ts')]: { only: ['hhmm'] },
        [core('policy/default-parameters.js')]: { only: ['DEFAULT_PARAMETERS'] },
      },
    ),
    // The rest is the Chinese build's alone: the English door, the page that picks between the
    // two, the service worker that precaches both.
    ...(LANGUAGE === 'en' ? [] : [englishDoor(), classicScript()]),
    LANGUAGE === 'en'
      ? undefined
      : VitePWA({
          // The app decides when to take an update: never in the middle of a meeting (K-4).
          registerType: 'prompt',
          injectRegister: false,
          includeAssets: ['icon.svg'],
          manifest: {
            name: '会议 Huiyi 门口屏',
            short_name: '会议',
            description: '会议室门口的预订、签到与签退 · The meeting room door kiosk',
            lang: 'zh-CN',
            start_url: '/',
            scope: '/',
            display: 'fullscreen',
            orientation: 'landscape',
            background_color: '#0f172a',
            theme_color: '#0f172a',
            icons: [
              { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
              { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
              { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
            ],
          },
          workbox: {
            // The demo day (assets/demo-*.json) with the scripts: a new tablet may start offline.
            globPatterns: ['**/*.{js,css,html,json}'],
            navigateFallback: 'index.html',
            clientsClaim: true,
            cleanupOutdatedCaches: true,
          },
        }),
  ],
});

/** The English door's file in dist, and its address for the page. */
let englishScript: { file: string; url: string } | undefined;

/**
 * Builds the English door (this config again, `HUIYI_BUILD_LANGUAGE=en`) into
 * `assets/index.en-<hash>.js`, beside the Chinese one.
 *
 * @returns the plugin
 */
function englishDoor(): Plugin {
  let source = '';
  let own: { fileName: string; source: string | Uint8Array }[] = [];
  let base = '/';
  return {
    name: 'huiyi:english-door',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    async buildStart() {
      process.env['HUIYI_BUILD_LANGUAGE'] = 'en';
      try {
        const out = (await build({
          root,
          logLevel: 'warn',
          build: { write: false, sourcemap: false, copyPublicDir: false },
        })) as Rolldown.RolldownOutput;
        const chunk = out.output.find((o): o is Rolldown.OutputChunk => o.type === 'chunk');
        if (!chunk) throw new Error('huiyi:english-door: the English build made no script');
        source = chunk.code;
        // The satellites built in the door's language (`<name>.en-<hash>.js`): the English door's.
        own = out.output.flatMap((o) =>
          o.type === 'asset' && /^assets\/[^/]+\.en-[^/]+\.js$/.test(o.fileName)
            ? [{ fileName: o.fileName, source: o.source }]
            : [],
        );
      } finally {
        delete process.env['HUIYI_BUILD_LANGUAGE'];
      }
      const hash = createHash('sha256').update(source).digest('base64url').slice(0, 8);
      const file = `assets/index.en-${hash}.js`;
      englishScript = { file, url: `${base}${file}` };
    },
    generateBundle() {
      if (!englishScript) throw new Error('huiyi:english-door: no English door');
      this.emitFile({ type: 'asset', fileName: englishScript.file, source });
      for (const f of own) this.emitFile({ type: 'asset', ...f });
    },
  };
}

/**
 * Loads the built door as a classic script, in the page's language: the module tag Vite writes
 * becomes the language picker ({@link languagePicker}) at the end of the body, which adds the
 * Chinese or the English door's script. A classic script reads the code the service worker cached
 * with it.
 *
 * @returns the plugin
 */
function classicScript(): Plugin {
  return {
    name: 'huiyi:classic-script',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const tag = /<script type="module" crossorigin src="([^"]+)"><\/script>/;
        const m = tag.exec(html);
        if (!m?.[1]) throw new Error('huiyi:classic-script: no module script in index.html');
        if (!englishScript) throw new Error('huiyi:classic-script: no English door');
        const picker = languagePicker({ 'zh-CN': m[1], en: englishScript.url });
        return html.replace(tag, '').replace('</body>', `${picker}\n  </body>`);
      },
    },
  };
}
