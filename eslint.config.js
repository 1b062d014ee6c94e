// ESLint flat config. The import boundaries of ARCHITECTURE.md are rules here:
// shared imports nothing of client/server/sw; client, server and sw never import each other;
// a feature never imports another feature.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import vue from 'eslint-plugin-vue'
import importX from 'eslint-plugin-import-x'
import globals from 'globals'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'
import fs from 'node:fs'

const features = fs.readdirSync('src/client/features', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'src/client/components.d.ts', 'data/**', 'tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
  },
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, __APP_VERSION__: 'readonly' }, ecmaVersion: 2023, sourceType: 'module' },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })] },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      'vue/html-indent': 'off',
      'vue/first-attribute-linebreak': 'off',
      'vue/require-default-prop': 'off',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['src/**/*.{ts,vue}'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './src/shared', from: ['./src/client', './src/server', './src/sw.ts'], message: 'shared imports nothing from client, server or sw' },
            { target: './src/client', from: ['./src/server', './src/sw.ts'], message: 'client never imports server or sw' },
            { target: './src/server', from: ['./src/client', './src/sw.ts'], message: 'server never imports client or sw' },
            { target: './src/sw.ts', from: ['./src/client', './src/server'], message: 'sw never imports client or server' },
            ...features.map((f) => ({
              target: `./src/client/features/${f}`,
              from: './src/client/features',
              except: [`./${f}`],
              message: 'a feature never imports another feature: move what both need to shared/domain, client/db or client/components',
            })),
          ],
        },
      ],
    },
  },
  {
    // Aliased imports (@shared, @client, @server) are checked by name.
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@client/*', '@server/*', 'vue', 'vue-router', 'pinia', 'dexie', 'node:*', 'fastify', 'kysely'], message: 'shared is plain TypeScript: no client, server, Vue, DOM-library or Node imports' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/client/**/*.{ts,vue}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['@server/*', 'node:*'], message: 'client never imports server code or Node APIs' }] }] },
  },
  {
    files: ['src/server/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['@client/*', 'vue', 'dexie'], message: 'server never imports client code' }] }] },
  },
  {
    files: ['src/client/components/**/*.vue', 'src/client/features/*/components/**/*.vue', 'src/client/features/*/pages/**/*.vue', 'src/client/features/*/print/**/*.vue'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['dexie'], message: 'components never touch Dexie: read through a composable, write through a repository' },
            { group: ['**/db/database'], message: 'components never touch the database directly' },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'fetch', message: 'components never call fetch: use a composable' }],
    },
  },
  {
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', 'no-console': 'off' },
  },
)
