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
  /**
   * Fastify's `trustProxy`: false (default: the connecting address is the client), true (trust every
   * proxy), a number of hops, or addresses/CIDRs of the proxies (e.g. "127.0.0.1"). Behind nginx the
   * rate limits must see the client's address from X-Forwarded-For, not nginx's (docs/deploy.md).
   */
  trustProxy: boolean | number | string
  /** Issue 15: the app's address the robots' messages link to, and where WeCom and DingTalk are reached. */
  notify: { appUrl: string; wecom: string; dingtalk: string }
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

function trustProxy(raw: string | undefined): boolean | number | string {
  const value = (raw ?? '').trim()
  if (value === '' || value === 'false') return false
  if (value === 'true') return true
  if (/^\d+$/.test(value)) return Number(value)
  // Addresses or CIDRs, comma-separated: each must look like an IPv4 or IPv6 address.
  if (value.split(',').every((part) => /^[0-9a-fA-F.:]+(\/\d{1,3})?$/.test(part.trim()))) return value
  throw new ConfigError(`TRUST_PROXY must be true, false, a number of proxies or proxy addresses (e.g. 127.0.0.1), not "${raw}"`)
}

/** An http(s) address without its trailing slash, or the default when unset. */
function address(name: string, raw: string | undefined, fallback: string): string {
  const value = (raw ?? '').trim()
  if (value === '') return fallback
  if (!/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/i.test(value)) throw new ConfigError(`${name} must be an http(s) address such as https://desk.example.cn, not "${raw}"`)
  return value.replace(/\/+$/, '')
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    port: port(env.PORT),
    // Only this machine by default (issue 14): the tablets reach it through nginx with TLS (docs/deploy.md).
    host: env.HOST || '127.0.0.1',
    dataDir: path.resolve(root, env.DATA_DIR || 'data'),
    databaseUrl: env.DATABASE_URL || null,
    staticDir: path.resolve(root, env.STATIC_DIR || 'dist/client'),
    logLevel: env.LOG_LEVEL || 'info',
    trustProxy: trustProxy(env.TRUST_PROXY),
    notify: {
      appUrl: address('APP_URL', env.APP_URL, ''),
      wecom: address('WECOM_API_URL', env.WECOM_API_URL, 'https://qyapi.weixin.qq.com'),
      dingtalk: address('DINGTALK_API_URL', env.DINGTALK_API_URL, 'https://oapi.dingtalk.com'),
    },
  }
}
