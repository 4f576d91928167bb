// ESLint flat config: typescript-eslint's type-checked rules over the project's own TypeScript.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/out/**', '**/dist/**', '.bench/**', '**/node_modules/**', 'examples/**', 'rules/**', 'test/e2e/out/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // stdout is the language server's protocol channel: nothing in the server may print to it.
    files: ['server/src/**/*.ts'],
    rules: { 'no-console': 'error' },
  },
);
