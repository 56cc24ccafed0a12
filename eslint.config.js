import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Packages a layer may be kept from, by the name the layer table uses. */
const PACKAGES = {
  react: ['react', 'react-dom', 'react/*', 'react-dom/*'],
  xyflow: ['@xyflow/*'],
  zustand: ['zustand', 'zustand/*'],
  codemirror: ['@codemirror/*', '@lezer/*'],
  elkjs: ['elkjs', 'elkjs/*'],
  node: ['node:*', 'fs', 'fs/*', 'path', 'path/*', 'os', 'child_process'],
};
const UI_PACKAGES = ['react', 'xyflow', 'zustand', 'codemirror'];

/**
 * The layer table of README.md ("How the code is laid out"): what each place may import.
 * `ours` lists the places of src/ it may import besides itself; `typesOnly` those it may take
 * types from; `forbid` the packages it may not import (tests beside the code may use node:*).
 * Every place of src/ has a row; a new folder needs one.
 */
const LAYERS = {
  core: { files: ['src/core/**/*.{ts,tsx}'], ours: [], forbid: [...UI_PACKAGES, 'elkjs', 'node'] },
  roles: { files: ['src/roles/**/*.{ts,tsx}'], ours: ['core'], forbid: [...UI_PACKAGES, 'elkjs', 'node'] },
  workers: { files: ['src/workers/**/*.{ts,tsx}'], ours: [], forbid: [...UI_PACKAGES, 'elkjs', 'node'] },
  layout: { files: ['src/layout/**/*.{ts,tsx}'], ours: ['core', 'roles', 'workers'], forbid: [...UI_PACKAGES, 'node'] },
  render: { files: ['src/render/**/*.{ts,tsx}'], ours: ['core', 'layout', 'roles'], forbid: [...UI_PACKAGES, 'node'] },
  workspace: {
    files: ['src/workspace/**/*.{ts,tsx}'],
    ours: ['core'],
    typesOnly: ['layout'],
    forbid: [...UI_PACKAGES, 'elkjs', 'node'],
  },
  samples: {
    files: ['src/samples/**/*.{ts,tsx}'],
    ours: [],
    typesOnly: ['core'],
    forbid: [...UI_PACKAGES, 'elkjs', 'node'],
  },
  canvas: {
    files: ['src/canvas/**/*.{ts,tsx}'],
    ours: ['core', 'layout', 'roles', 'testIds'],
    forbid: ['zustand', 'codemirror', 'elkjs', 'node'],
  },
  state: {
    files: ['src/state/**/*.{ts,tsx}'],
    ours: ['core', 'layout', 'roles', 'workers', 'workspace', 'samples'],
    forbid: ['xyflow', 'codemirror', 'elkjs', 'node'],
  },
  ui: {
    files: ['src/ui/**/*.{ts,tsx}'],
    ours: ['core', 'roles', 'workers', 'layout', 'render', 'workspace', 'samples', 'canvas', 'state', 'testIds'],
    forbid: ['xyflow', 'elkjs', 'node'],
  },
  cli: {
    files: ['src/cli/**/*.{ts,tsx}'],
    ours: ['core', 'layout', 'render', 'roles', 'workspace', 'samples'],
    forbid: UI_PACKAGES,
  },
  testIds: { files: ['src/testIds.ts'], ours: [], forbid: [...UI_PACKAGES, 'elkjs', 'node'] },
  e2e: {
    // the end-to-end tests drive the built app through its test ids, never its internals
    importable: false,
    files: ['e2e/**/*.ts'],
    ours: ['testIds'],
    forbid: [],
  },
  main: {
    // the entry point: nothing imports it
    importable: false,
    files: ['src/main.tsx'],
    ours: ['core', 'roles', 'workers', 'layout', 'render', 'workspace', 'samples', 'canvas', 'state', 'ui', 'testIds'],
    forbid: ['xyflow', 'elkjs', 'node'],
  },
};

/** An import of place `name` from anywhere in src/: a relative path through a folder (or file) of that name. */
function placePattern(name) {
  return name === 'testIds' ? `^\\.(.*/)?${name}$` : `^\\.(.*/)?${name}(/|$)`;
}

/** Test helpers (`x.testkit`, `testTopology`, `x.test`) stay beside the tests: production code never imports them. */
const TEST_HELPER = { regex: '(^|/)(test(?!Ids$)[A-Z][\\w.]*|[\\w.-]+\\.test(kit)?)$', caseSensitive: true };

/** How messages name a place: `src/core`, `src/testIds.ts`, `e2e`. */
const placeName = (name) => LAYERS[name].files[0].replace(/\/\*\*.*$/, '');

/** One combined list per file: a later block's rule would replace an earlier one's, not add to it. */
function restrictedImports(place, layer, { test }) {
  const others = Object.entries(LAYERS)
    .filter(([name, other]) => name !== place && other.importable !== false && !layer.ours.includes(name))
    .map(([name]) => name);
  const forbid = test ? layer.forbid.filter((p) => p !== 'node') : layer.forbid;
  return [
    'error',
    {
      patterns: [
        ...others.map((name) => ({
          regex: placePattern(name),
          caseSensitive: true,
          ...(layer.typesOnly?.includes(name) ? { allowTypeImports: true } : {}),
          message: `${placeName(place)} may not import ${placeName(name)}${layer.typesOnly?.includes(name) ? ' except types' : ''}: see the layer table in README.md.`,
        })),
        ...forbid.map((pkg) => ({
          group: PACKAGES[pkg],
          message: `${placeName(place)} may not import ${pkg}: see the layer table in README.md.`,
        })),
        ...(test
          ? []
          : [{ ...TEST_HELPER, message: 'Test helpers are for tests: production code may not import them.' }]),
      ],
    },
  ];
}

const TESTS = ['**/*.test.ts', '**/*.test.tsx'];
const ANY_SOURCE = '/**/*.{ts,tsx}';
const ANY_TEST = '/**/*.test.{ts,tsx}';
const layerBlocks = Object.entries(LAYERS)
  .flatMap(([place, layer]) => [
    {
      files: layer.files,
      ignores: TESTS,
      rules: { '@typescript-eslint/no-restricted-imports': restrictedImports(place, layer, { test: false }) },
    },
    {
      files: layer.files.filter((glob) => glob.endsWith(ANY_SOURCE)).map((glob) => glob.replace(ANY_SOURCE, ANY_TEST)),
      rules: { '@typescript-eslint/no-restricted-imports': restrictedImports(place, layer, { test: true }) },
    },
  ])
  .filter((block) => block.files.length > 0);

/** Places that run anywhere (Node, workers, browsers): no page globals. */
const PURE = [
  'src/core/**/*.ts',
  'src/roles/**/*.ts',
  'src/layout/**/*.ts',
  'src/workspace/**/*.ts',
  'src/render/**/*.ts',
];

export default tseslint.config(
  { ignores: ['dist', 'dist-cli', 'node_modules', 'test-results', 'playwright-report', 'public'] },
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
  ...layerBlocks,
  {
    files: PURE,
    ignores: TESTS,
    rules: { 'no-restricted-globals': ['error', 'document', 'window', 'localStorage', 'navigator'] },
  },
);

export { LAYERS };
