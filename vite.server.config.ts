/**
 * The server's production build (issue 12 point 5): `npm run build:server` bundles the server and the
 * admin command line to plain JavaScript in dist/server, so a start runs no TypeScript transpiler.
 * Our own source (with the @shared/@server aliases) is bundled with the npm packages it uses, but for
 * the few below that must stay in node_modules and are loaded from there at run time.
 */
import { fileURLToPath, URL } from 'node:url'
import { builtinModules } from 'node:module'
import { defineConfig } from 'vite'

const src = (p: string): string => fileURLToPath(new URL(p, import.meta.url))
// The npm packages are bundled too: loading some 700 files one by one from node_modules was most of a
// start (bench:start). Left in node_modules: the native better-sqlite3, pg (its optional native
// binding is looked up at run time), @fastify/swagger-ui, which serves files from its own folder, and
// exceljs (a large CommonJS package with optional requires of its own, run as its authors ship it).
const packages = ['better-sqlite3', 'pg', '@fastify/swagger-ui', 'exceljs']

export default defineConfig({
  resolve: { alias: { '@shared': src('./src/shared'), '@server': src('./src/server') } },
  // No public/ copy and no client plugins: this build is the server only.
  publicDir: false,
  ssr: { noExternal: true },
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
