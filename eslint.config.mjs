// ESLint for every program of the repository (npm test runs it: `npm run lint`). The TypeScript
// compiler already checks types, unused names (noUnusedLocals, noUnusedParameters) and strictness;
// this adds the mistakes it does not see.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/', 'dist/', 'node_modules/', 'test-results/', '.vscode-test/', '**/*.js', '!bin/*.js', '!scripts/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', require: 'readonly', module: 'readonly', __dirname: 'readonly', console: 'readonly' } },
    rules: {
      // tsc reports unused names (noUnusedLocals, noUnusedParameters); `_name` marks one kept on purpose.
      '@typescript-eslint/no-unused-vars': 'off',
      // `require('../package.json')` and lazy requires of optional modules are deliberate.
      '@typescript-eslint/no-require-imports': 'off',
      eqeqeq: ['error', 'always'],
      'no-var': 'error',
      'prefer-const': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // The tests, the bench and the build scripts print what they measure or build.
    files: ['test/**', 'bench/**', 'scripts/**', 'bin/**'],
    rules: { 'no-console': 'off' },
  },
);
