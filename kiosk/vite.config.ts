import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { demoData } from './build/demo-data.js';
import { minifyTemplates } from './build/minify-templates.js';
import { satellites } from './build/satellites.js';
import { shortMessageIds } from './build/short-ids.js';

// The core reads zone offsets through @date-fns/tz's tzOffset (Intl: ~20 ms to load in a new
// tab); the kiosk answers it from Temporal where the browser has it (src/time/tz-offset.ts).
const enTable = fileURLToPath(new URL('./src/generated/locales/en.ts', import.meta.url));
/** The transforms of the app's source, in the app's build and in each satellite's. */
const sourcePlugins = () => [shortMessageIds(enTable), minifyTemplates()];

/**
 * Terser, two passes, names mangled at the top of each module too: 0.9 KB gzip less than Vite's
 * own minifier on the door's script (docs/decisions/kiosk-bundle.md).
 */
const minify = {
  minify: 'terser',
  terserOptions: { ecma: 2020, toplevel: true, compress: { passes: 2 } },
} as const;

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
    demoData(fileURLToPath(new URL('.', import.meta.url))),
    // What a door may never need, each its own classic script, added to the page by the
    // `import()` that asks for it (docs/decisions/kiosk-bundle.md): English, the sync with a hub.
    satellites(
      fileURLToPath(new URL('.', import.meta.url)),
      [
        {
          name: 'en',
          entry: 'src/generated/locales/en.ts',
          // The table needs only `str`; the package's index would bring its runtime along.
          alias: [{ find: /^@lit\/localize$/, replacement: '@lit/localize/internal/str-tag.js' }],
        },
        { name: 'sync', entry: 'src/sync/door-sync.ts' },
      ],
      alias,
      sourcePlugins,
      minify,
    ),
    classicScript(),
    VitePWA({
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

/**
 * Loads the built app as a deferred classic script: the module tag Vite writes becomes
 * `<script defer src>`, which runs at the same point (after parsing) and reads the code the
 * service worker cached with it.
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
        const tag = /<script type="module" crossorigin src="([^"]+)"><\/script>/g;
        if (!tag.test(html))
          throw new Error('huiyi:classic-script: no module script in index.html');
        return html.replace(tag, '<script defer src="$1"></script>');
      },
    },
  };
}
