// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { readFileSync } from 'node:fs';

/** UI packages the framework-free core must never import (see ARCHITECTURE.md, "The one rule"). */
const uiImports = [
  { group: ['react', 'react-dom', 'react-dom/*', 'react/*'], message: 'src/ is the framework-free core: no React.' },
  { group: ['@xyflow/*', 'zustand', 'zustand/*', 'zundo', 'recharts'], message: 'src/ is the framework-free core: no UI libraries.' },
  { group: ['**/app/**', '../app', '../../app'], message: 'src/ must not import app/.' },
];

/** The folders of app/ that hold components and hooks, one feature each. */
const features = ['canvas', 'data', 'inspector', 'palette', 'panels', 'start-here', 'toolbar', 'training'];

/**
 * A feature folder reaches no other: what two share sits in app/ (or the store), and what they do
 * is a use-case in app/actions/. The workers' clients are reached through the use-cases only.
 */
const sideways = (own) => [
  {
    // The one shared widget: the settings form the inspector's fields are made of, which the Train
    // tab's settings use too (a view, not orchestration; it could move up with the fields it uses).
    group: [...features.filter((f) => f !== own).map((f) => `../${f}/*`), '!../inspector/setting-fields'],
    message: 'Feature folders do not import each other: call a use-case in app/actions/, or move what they share up into app/.',
  },
  { group: ['../clients/*', '../services'], message: 'Components reach the workers through the use-cases in app/actions/, not the clients.' },
];

/** Below the feature folders: the use-cases, the clients and the store never import components. */
const upward = [
  { group: features.map((f) => `../${f}/*`), message: 'app/actions, app/clients and app/store sit below the feature folders and never import them.' },
];
/** The store and the clients sit below the use-cases. */
const noActions = { group: ['../actions/*'], message: 'The store and the clients sit below app/actions/: the use-cases call them, never the reverse.' };

/** Named exports only, everywhere. */
const namedExports = { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' };
/** No module-level mutable state in app/: it lives in the store or in the objects of app/services.ts. */
const noModuleState = [
  {
    selector: "Program > VariableDeclaration[kind='let'], Program > ExportNamedDeclaration > VariableDeclaration[kind='let']",
    message: 'No module-level `let` in app/: keep state in the store, in a client or service object made once (app/services.ts), or in React state.',
  },
  {
    selector: "Program > VariableDeclaration[kind='var'], Program > ExportNamedDeclaration > VariableDeclaration[kind='var']",
    message: 'No module-level `var` in app/: keep state in the store, in a client or service object made once (app/services.ts), or in React state.',
  },
  {
    selector:
      'Program > VariableDeclaration > VariableDeclarator > NewExpression[callee.name=/^(Map|Set)$/], Program > ExportNamedDeclaration > VariableDeclaration > VariableDeclarator > NewExpression[callee.name=/^(Map|Set)$/]',
    message: 'No module-level Map or Set in app/: keep state in the store or a service object (a WeakMap memo keyed by immutable objects is fine).',
  },
];

/** zod only through src/lib/zod.ts, which sets it up before any schema is built. */
const zodImport = { name: 'zod', allowTypeImports: true, message: "Import z from src/lib/zod.ts, which turns off zod's eval probe (the CSP blocks it)." };

/**
 * src/'s folders, lowest first (src/folders.json): a folder imports only from folders before it, so src/ has no
 * folder cycles (docs/architecture.md says what each holds and why in this order). Tests are
 * exempt: nothing imports a test, so a test importing a higher folder makes no cycle.
 */
const FOLDERS = JSON.parse(readFileSync(new URL('./src/folders.json', import.meta.url), 'utf8'));

/** One no-restricted-imports setting per src/ folder: the UI ban, zod's rule and the folders above it. */
function folderRules() {
  return FOLDERS.map((folder, i) => {
    const above = FOLDERS.slice(i + 1);
    const upward =
      above.length === 0
        ? []
        : [
            {
              group: above.map((f) => `**/${f}/**`),
              message: `src/${folder}/ sits below ${above.join(', ')} (docs/architecture.md): move the shared piece down instead.`,
            },
          ];
    return {
      files: [`src/${folder}/**/*.ts`],
      ignores: ['src/lib/zod.ts', 'src/**/*.test.ts'],
      rules: { 'no-restricted-imports': ['error', { paths: [zodImport], patterns: [...uiImports, ...upward] }] },
    };
  }).concat([
    {
      // Tests keep the UI ban and zod's rule; they may import any folder (see FOLDERS).
      files: ['src/**/*.test.ts'],
      rules: { 'no-restricted-imports': ['error', { paths: [zodImport], patterns: uiImports }] },
    },
  ]);
}

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'assembly/', 'coverage/', 'test-results/', 'playwright-report/', 'bench-results/', 'scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', namedExports],
      // Strings are never code: the page's Content-Security-Policy has no 'unsafe-eval' (README, Security).
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    // no-restricted-imports takes one setting per file: app/ gets zod's, src/ zod's and the UI ban,
    // each feature folder zod's and the sideways ban, and the layers below them zod's and theirs.
    files: ['app/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { paths: [zodImport] }] },
  },
  ...features.map((f) => ({
    files: [`app/${f}/**/*.{ts,tsx}`],
    // A component's test may spy on a client (the toolbar's Open stands the training worker in).
    ignores: ['app/**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { paths: [zodImport], patterns: sideways(f) }] },
  })),
  {
    files: ['app/actions/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { paths: [zodImport], patterns: upward }] },
  },
  {
    files: ['app/clients/**/*.{ts,tsx}', 'app/store/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { paths: [zodImport], patterns: [...upward, noActions] }] },
  },
  {
    // no-restricted-syntax too takes one setting per file. Tests may keep fixtures at module level.
    files: ['app/**/*.{ts,tsx}'],
    ignores: ['app/**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-syntax': ['error', namedExports, ...noModuleState] },
  },
  ...folderRules(),
  {
    files: ['app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Tool configs are loaded by their tools, which expect a default export.
    files: ['**/*.config.{ts,js}'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
