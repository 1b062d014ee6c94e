/**
 * Server configuration from the environment. Documented in README "Configuration".
 */
import { fileURLToPath } from 'node:url'
import path from 'node:path'

export interface ServerConfig {
  port: number
  host: string
  /** Folder of the SQLite file and other server state. */
  dataDir: string
  /** PostgreSQL connection string; SQLite under `dataDir` when absent. */
  databaseUrl: string | null
  /** The built client (vite build output). */
  staticDir: string
  logLevel: string
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export class ConfigError extends Error {
  override readonly name = 'ConfigError'
}

function port(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 8080
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new ConfigError(`PORT must be a whole number 0–65535, not "${raw}"`)
  return n
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    port: port(env.PORT),
    host: env.HOST || '0.0.0.0',
    dataDir: path.resolve(root, env.DATA_DIR || 'data'),
    databaseUrl: env.DATABASE_URL || null,
    staticDir: path.resolve(root, env.STATIC_DIR || 'dist/client'),
    logLevel: env.LOG_LEVEL || 'info',
  }
}
