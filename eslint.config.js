import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';
import reactHooks from 'eslint-plugin-react-hooks';

// The engine stays pure: no I/O, no clock, no randomness, no outer layers.
const forbiddenInEngine = [
  ...builtinModules.flatMap((m) => [m, `node:${m}`]),
  'better-sqlite3', 'mysql2', 'mysql2/*', 'mariadb', '@mikro-orm/*', 'fastify', '@fastify/*', 'ioredis',
  'bullmq', 'redis', 'undici', 'axios', 'node-fetch', '@elastic/*', 'exceljs', 'docxtemplater',
];
const outerLayers = ['**/runtime', '**/runtime/**', '**/designer', '**/designer/**', '**/plugins', '**/plugins/**'];

export const engineRules = {
  'no-restricted-imports': ['error', {
    paths: forbiddenInEngine.filter((p) => !p.includes('*')).map((name) => ({
      name, message: 'engine/ is pure: I/O belongs to runtime/.',
    })),
    patterns: [
      { group: forbiddenInEngine.filter((p) => p.includes('*')), message: 'engine/ is pure: I/O belongs to runtime/.' },
      { group: outerLayers, message: 'engine/ may not depend on runtime/, designer/ or plugins/.' },
    ],
  }],
  'no-restricted-syntax': ['error',
    { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'engine/ reads no clock: take `now` as an argument.' },
    { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'engine/ reads no clock: take `now` as an argument.' },
    { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'engine/ makes no randomness: take ids as an argument.' },
    { selector: "CallExpression[callee.property.name='randomUUID']", message: 'engine/ makes no ids: take ids as an argument.' },
    { selector: "MemberExpression[object.name='process']", message: 'engine/ reads no environment.' },
  ],
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'data/**', 'designer/**/dist/**', 'test/.artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['engine/**/*.ts'], rules: engineRules },
  {
    files: ['designer/**/*.{ts,tsx}', 'test/workbench/**/*.tsx', 'test/studio/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
);
