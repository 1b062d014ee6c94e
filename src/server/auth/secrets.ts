/**
 * Secrets on the server: device and session tokens (random, stored as SHA-256), one-time codes
 * (short, typed by a person, stored as SHA-256), administrator passwords (scrypt).
 */
import { createHash, randomBytes, randomInt, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto'

const scrypt = (password: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> =>
  new Promise((resolve, reject) => scryptCb(password, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))))

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

/** A bearer token: `prefix_` + 256 random bits, base64url. */
export function newToken(prefix: 'dev' | 'adm'): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`
}

/** A one-time code a person types: 10 characters without look-alikes (0/O, 1/I/L), grouped 5-5. */
export function newOneTimeCode(): string {
  const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
  const chars = Array.from({ length: 10 }, () => alphabet[randomInt(alphabet.length)]!)
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`
}

/** Codes are compared without case, spaces or dashes, as people type them. */
export function normaliseCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '')
}

// N=2^15, r=8, p=1: about 50 ms and 32 MB here; stored with the hash so it can rise.
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await scrypt(password, salt, 32, SCRYPT)
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${key.toString('base64')}`
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$')
  if (scheme !== 'scrypt' || !salt || !hash) return false
  const expected = Buffer.from(hash, 'base64')
  const key = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p), maxmem: 256 * 1024 * 1024 })
  return key.length === expected.length && timingSafeEqual(key, expected)
}

export const MIN_PASSWORD_LENGTH = 10
