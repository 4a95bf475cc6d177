// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** UI packages the framework-free core must never import (see ARCHITECTURE.md, "The one rule"). */
const uiImports = [
  { group: ['react', 'react-dom', 'react-dom/*', 'react/*'], message: 'src/ is the framework-free core: no React.' },
  { group: ['@xyflow/*', 'zustand', 'zustand/*', 'zundo', 'recharts'], message: 'src/ is the framework-free core: no UI libraries.' },
  { group: ['**/app/**', '../app', '../../app'], message: 'src/ must not import app/.' },
];

/** zod only through src/lib/zod.ts, which sets it up before any schema is built. */
const zodImport = { name: 'zod', allowTypeImports: true, message: "Import z from src/lib/zod.ts, which turns off zod's eval probe (the CSP blocks it)." };

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
  {
    files: ['src/**/*.ts'],
    ignores: ['src/lib/zod.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [zodImport], patterns: uiImports }] },
  },
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
