import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

export default defineConfig({
  resolve: {
    // The core reads zone offsets through @date-fns/tz's tzOffset (Intl: ~20 ms to load in a new
    // tab); the kiosk answers it from Temporal where the browser has it (src/time/tz-offset.ts).
    alias: [
      {
        find: /^@date-fns\/tz\/tzOffset$/,
        replacement: fileURLToPath(new URL('./src/time/tz-offset.ts', import.meta.url)),
      },
    ],
  },
  build: {
    target: 'es2022',
    sourcemap: true,
  },
  preview: {
    host: '127.0.0.1',
    port: 4173,
  },
  plugins: [
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
        navigateFallback: 'index.html',
        clientsClaim: true,
        cleanupOutdatedCaches: true,
      },
    }),
  ],
});
