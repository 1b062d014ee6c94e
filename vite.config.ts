/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import { VitePWA } from 'vite-plugin-pwa'
import Components from 'unplugin-vue-components/vite'
import { VantResolver } from '@vant/auto-import-resolver'
import VueI18nPlugin from '@intlify/unplugin-vue-i18n/vite'
import { pwaManifest } from './src/client/modules/pwa-manifest.ts'
import { precompressPlugin } from './build/precompress.ts'
import { vantFontPlugin } from './build/vant-font.ts'
import pkg from './package.json' with { type: 'json' }

const alias = {
  '@shared': fileURLToPath(new URL('./src/shared', import.meta.url)),
  '@client': fileURLToPath(new URL('./src/client', import.meta.url)),
  '@server': fileURLToPath(new URL('./src/server', import.meta.url)),
}

export default defineConfig({
  resolve: { alias },
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  build: {
    outDir: 'dist/client',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 800,
  },
  server: {
    port: 5173,
    // `npm run dev`: the API is the real server started separately on 8080.
    proxy: { '/api': 'http://localhost:8080' },
  },
  plugins: [
    vantFontPlugin(),
    vue(),
    Components({ resolvers: [VantResolver()], dts: 'src/client/components.d.ts', dirs: [] }),
    // The built app's texts are compiled here, so it ships vue-i18n without its message compiler (issue 17).
    // Build only: dev and the tests keep the full build, which reads the JSON files as they are.
    ...[VueI18nPlugin({
      include: [fileURLToPath(new URL('./src/client/**/locales/*.json', import.meta.url))],
      runtimeOnly: true,
      dropMessageCompiler: true,
      compositionOnly: true,
      fullInstall: false,
      strictMessage: false,
      escapeHtml: false,
    })].flat().map((plugin) => ({ ...plugin, apply: 'build' as const })),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      injectRegister: false,
      registerType: 'prompt',
      manifest: pwaManifest,
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,png,svg,ico,woff2,webmanifest}'],
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
      },
      devOptions: { enabled: false },
    }),
    precompressPlugin(),
  ],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'happy-dom',
          include: ['tests/shared/**/*.test.ts', 'tests/client/**/*.test.ts', 'tests/architecture/**/*.test.ts'],
          setupFiles: ['tests/support/setup-unit.ts'],
          // The archive's 10,000-row tests take ~2 s on a quiet machine and passed 5 s on a loaded CI one.
          testTimeout: 20_000,
          // Vant's ES build imports its CSS; let Vite process it instead of Node.
          server: { deps: { inline: ['vant'] } },
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          include: ['tests/server/**/*.test.ts'],
          globalSetup: ['tests/support/global-postgres.ts', 'tests/support/global-server-build.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/support/global-build.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
})
