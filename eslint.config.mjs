// ESLint flat config: type-aware TypeScript rules everywhere, plus the boundaries of DESIGN.md.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const coreRestrictions = {
  paths: [
    { name: 'vscode', message: 'server/src/core is pure: no editor API.' },
    { name: 'fs', message: 'server/src/core is pure: no file system.' },
    { name: 'node:fs', message: 'server/src/core is pure: no file system.' },
    { name: 'fs/promises', message: 'server/src/core is pure: no file system.' },
    { name: 'node:fs/promises', message: 'server/src/core is pure: no file system.' },
    { name: 'process', message: 'server/src/core is pure: no process access.' },
    { name: 'node:process', message: 'server/src/core is pure: no process access.' },
    { name: 'child_process', message: 'server/src/core is pure.' },
    { name: 'node:child_process', message: 'server/src/core is pure.' },
  ],
  patterns: [
    { group: ['vscode-languageserver*', 'vscode-languageclient*', 'vscode-jsonrpc*'], message: 'server/src/core knows no LSP: convert in server/src/lsp.' },
    { group: ['**/lsp/**', '**/cli/**', '**/client/**'], message: 'server/src/core must not import its callers.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'media/dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'server/src/core/schema/generated/**', 'examples/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        // node:test's describe/it return promises the runner itself awaits.
        { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'before', 'after', 'beforeEach', 'afterEach'] }] },
      ],
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      parserOptions: { projectService: false },
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly' },
    },
  },
  {
    // A stdio language server must never write to stdout: console output corrupts the protocol.
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/cli/**'],
    rules: { 'no-console': 'error' },
  },
  {
    files: ['server/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', coreRestrictions],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'server/src/core is pure: pass what you need in.' },
        { name: 'console', message: 'server/src/core is pure: return findings, do not log.' },
        { name: 'require', message: 'server/src/core is pure: use imports.' },
      ],
    },
  },
);
