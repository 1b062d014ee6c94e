/**
 * The one-time setup token of a fresh server (issue 14 point 1): whoever reaches a server that is not
 * set up yet must not become its administrator. While no administrator exists, the server makes a token
 * at start, prints it and writes it to `setup-token` in the data folder (only the server's user can read
 * it); the console's first-run setup must give it, and it is used up by the setup. `npm run admin -- init`
 * on the server machine needs none: it already holds the database.
 *
 * The token is kept in the database (`server_meta`), made once by whichever process starts first, so
 * several server processes on one PostgreSQL print and accept the same one. It is worth nothing once an
 * administrator exists, and the setup deletes it.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { ServerDb } from '../db/connection'
import { countAdmins } from '../repositories/admins'
import { keepMetaOnce, readMeta, removeMeta } from '../repositories/server-meta'
import { httpError } from '../http/http-error'

const META_KEY = 'setup_token'
export const SETUP_TOKEN_FILE = 'setup-token'
/** Crockford's base32: no I, L, O or U to misread when the token is typed from a terminal. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/** 24 characters of base32 (120 bits) in groups of four: `7QK2-…`. */
export function newSetupToken(): string {
  const chars = [...randomBytes(24)].map((b) => ALPHABET[b & 31]).join('')
  return chars.match(/.{4}/g)!.join('-')
}

/** As typed: case, spaces and dashes do not matter; O and I, L read as 0 and 1. */
export function normaliseSetupToken(raw: string): string {
  const plain = raw
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1')
  return plain.match(/.{1,4}/g)?.join('-') ?? ''
}

const digest = (token: string): string => createHash('sha256').update(normaliseSetupToken(token)).digest('hex')

const tokenFile = (dataDir: string): string => path.join(dataDir, SETUP_TOKEN_FILE)

const storedToken = (db: ServerDb): Promise<string | null> => readMeta(db.kysely, META_KEY)

/** The token of a server not set up yet: made by the first caller, the same for every later one (and process). */
export async function issueSetupToken(db: ServerDb): Promise<string> {
  await keepMetaOnce(db.kysely, META_KEY, newSetupToken())
  const token = await storedToken(db)
  if (!token) throw new Error('the setup token was not kept')
  return token
}

/** The token is spent: set up (by the console or the command line), nobody needs it any more. */
export async function forgetSetupToken(db: ServerDb, dataDir: string | null): Promise<void> {
  await removeMeta(db.kysely, META_KEY)
  if (dataDir) fs.rmSync(tokenFile(dataDir), { force: true })
}

/**
 * At the server's start: null once set up (a token file left behind is removed); otherwise the token to
 * print (a restart prints the same), written to the data folder readable by the server's user only.
 */
export async function prepareSetupToken(db: ServerDb, dataDir: string): Promise<{ token: string; file: string } | null> {
  if ((await countAdmins(db.kysely)) > 0) {
    await forgetSetupToken(db, dataDir)
    return null
  }
  const token = await issueSetupToken(db)
  const file = tokenFile(dataDir)
  fs.writeFileSync(file, `${token}\n`, { mode: 0o600 })
  // writeFileSync's mode applies only to a new file.
  fs.chmodSync(file, 0o600)
  return { token, file }
}

/** The lines the server prints at start while it is not set up (the token is for the console only). */
export function setupTokenBanner(setup: { token: string; file: string }, consoleUrl: string): string {
  return [
    '',
    '==== 服务器尚未设置 (this server is not set up yet) ====',
    `在管理控制台 ${consoleUrl} 首次设置时填写设置口令 (the console's first-run setup asks for this setup token):`,
    '',
    `    ${setup.token}`,
    '',
    `口令也保存在 ${setup.file}(仅服务器账户可读),设置完成后即失效 (also in that file, readable by the server's user only; spent by the setup).`,
    '也可在服务器上运行 npm run admin -- init,无需口令 (or run npm run admin -- init on this machine: no token needed).',
    '',
  ].join('\n')
}

/**
 * The console's first-run setup gives the token: refused without it or with another one (401). Spending
 * it is one delete of the stored digest, so of two setups racing with the right token only one goes on.
 */
export async function spendSetupToken(db: ServerDb, given: string | undefined): Promise<void> {
  if (!given?.trim()) {
    throw httpError(401, 'SetupTokenRequired', '请填写设置口令:服务器首次启动时在其输出中打印,也保存在数据目录的 setup-token 文件中 (setup token required: printed by the server at its first start, and in the data folder’s setup-token file)')
  }
  const stored = await storedToken(db)
  const wrong = (): never => {
    throw httpError(401, 'SetupTokenWrong', '设置口令不正确:请核对服务器启动时打印的口令或 setup-token 文件 (wrong setup token)')
  }
  if (!stored) return wrong()
  // Digests of equal length, compared in constant time.
  if (!timingSafeEqual(Buffer.from(digest(given), 'hex'), Buffer.from(digest(stored), 'hex'))) return wrong()
  if (!(await removeMeta(db.kysely, META_KEY, stored))) return wrong()
}
