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
    const upward = above.length === 0 ? [] : [{ group: above.map((f) => `**/${f}/**`), message: `src/${folder}/ sits below ${above.join(', ')} (docs/architecture.md): move the shared piece down instead.` }];
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
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'test-results/', 'playwright-report/', 'bench-results/', 'scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
      // Strings are never code: the page's Content-Security-Policy has no 'unsafe-eval' (README, Security).
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    // no-restricted-imports takes one setting per file: app/ gets zod's, src/ zod's and the UI ban.
    files: ['app/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { paths: [zodImport] }] },
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
