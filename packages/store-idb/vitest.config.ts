import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    // fake-indexeddb's globals (IDBKeyRange, IDBRequest … that idb checks against); every test
    // still opens its stores on a fresh IDBFactory.
    setupFiles: ['fake-indexeddb/auto'],
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      exclude: ['src/**/*.test.ts'],
      reporter: ['text-summary', 'text', 'json-summary'],
    },
  },
});
