/**
 * The server's production build (issue 12 point 5): `npm run build:server` bundles the server and the
 * admin command line to plain JavaScript in dist/server, so a start runs no TypeScript transpiler.
 * Our own source (with the @shared/@server aliases) is bundled; every npm package stays external and
 * is loaded from node_modules at run time — the native better-sqlite3 and pg among them.
 */
import { fileURLToPath, URL } from 'node:url'
import { builtinModules } from 'node:module'
import { defineConfig } from 'vite'
import pkg from './package.json' with { type: 'json' }

const src = (p: string): string => fileURLToPath(new URL(p, import.meta.url))
const packages = Object.keys(pkg.dependencies)

export default defineConfig({
  resolve: { alias: { '@shared': src('./src/shared'), '@server': src('./src/server') } },
  // No public/ copy and no client plugins: this build is the server only.
  publicDir: false,
  logLevel: 'warn',
  build: {
    ssr: true,
    outDir: 'dist/server',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: true,
    rollupOptions: {
      input: { server: src('./src/server/server.ts'), admin: src('./src/server/cli/admin.ts') },
      external: (id) => builtinModules.includes(id.replace(/^node:/, '')) || id.startsWith('node:') || packages.some((p) => id === p || id.startsWith(`${p}/`)),
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
    },
  },
})
