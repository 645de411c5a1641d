// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** The core holds the rules and nothing else: no I/O, no DOM, no clock, no randomness. */
const purity = {
  files: ['packages/core/src/**/*.ts'],
  ignores: ['packages/core/src/**/*.test.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { group: ['node:*'], message: 'core is pure: no Node built-ins' },
          {
            group: ['idb', 'idb/*', 'lit', 'lit/*', '@lit/*'],
            message: 'core is pure: no storage or UI',
          },
        ],
        paths: ['fs', 'path', 'os', 'crypto', 'http', 'https', 'child_process'].map((name) => ({
          name,
          message: 'core is pure: no Node built-ins',
        })),
      },
    ],
    'no-restricted-globals': [
      'error',
      ...['window', 'document', 'navigator', 'localStorage', 'indexedDB', 'fetch', 'process'].map(
        (name) => ({ name, message: 'core is pure: no DOM, no host' }),
      ),
    ],
    'no-restricted-properties': [
      'error',
      {
        object: 'Date',
        property: 'now',
        message: 'T-4: time is an input; take `now` from the command',
      },
      { object: 'Math', property: 'random', message: 'core is deterministic: no randomness' },
      { object: 'performance', property: 'now', message: 'T-4: time is an input' },
    ],
    'no-restricted-syntax': [
      'error',
      {
        selector: "NewExpression[callee.name='Date'][arguments.length=0]",
        message: 'T-4: time is an input; `new Date()` reads the clock',
      },
    ],
  },
};

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/coverage/**',
      'docs/api/**',
      'docs/.vitepress/cache/**',
      '**/node_modules/**',
      '.scratch/**',
      '**/.stryker-tmp/**',
      '**/.stryker-tmp-db/**',
      'kiosk/src/generated/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  purity,
  {
    files: ['**/*.mjs', '**/*.js', 'scripts/**', 'packages/hub/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
);
