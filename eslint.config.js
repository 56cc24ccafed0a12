import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const pureFolders = ['src/core/**/*.ts', 'src/layout/**/*.ts'];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'public'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: ['src/**/*.tsx', 'src/ui/**/*.ts', 'src/canvas/**/*.ts', 'src/state/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    // The core and the layout are pure: they run in Node, in workers and in the browser.
    files: pureFolders,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'react/*', 'react-dom/*'],
              message: 'src/core and src/layout know no React.',
            },
            { group: ['@xyflow/*'], message: 'Only src/canvas imports React Flow.' },
            { group: ['zustand', 'zustand/*'], message: 'Only src/state holds mutable state.' },
            { group: ['@codemirror/*'], message: 'The editor belongs to src/ui.' },
            {
              group: ['**/ui/**', '**/state/**', '**/canvas/**'],
              message: 'Imports point down: core and layout import nothing above them.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'document', 'window', 'localStorage', 'navigator'],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'src/core knows no React.' },
            { group: ['@xyflow/*'], message: 'Only src/canvas imports React Flow.' },
            { group: ['zustand', 'zustand/*'], message: 'Only src/state holds mutable state.' },
            { group: ['@codemirror/*'], message: 'The editor belongs to src/ui.' },
            { group: ['elkjs', 'elkjs/*'], message: 'Layout lives in src/layout.' },
            {
              group: ['**/ui/**', '**/state/**', '**/canvas/**', '**/layout/**', '**/cli/**'],
              message: 'src/core imports nothing of ours outside src/core.',
            },
            { group: ['node:*', 'fs', 'path'], message: 'src/core runs in the browser too.' },
          ],
        },
      ],
    },
  },
  {
    // Tests beside the core may read their fixture files from disk; the core itself never does.
    files: ['src/core/**/*.test.ts', 'src/layout/**/*.test.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
