import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', 'test/artifacts/**', 'coverage/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The pure knowledge core must stay free of SDKs and I/O.
    files: ['src/knowledge/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'botbuilder*',
            '@slack/*',
            'ioredis',
            'restify',
            'node:fs',
            'node:net',
            'node:http',
            'fs',
            'net',
            'http',
            '../conversations/*',
            '../bot/*',
            '../adapters/*',
          ],
        },
      ],
    },
  },
);
