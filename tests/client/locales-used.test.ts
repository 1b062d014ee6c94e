/**
 * Every text key the code names exists in both languages (issue 10 point 7). Keys are found in the
 * source: string literals shaped like a key of a known text group (`'login.wrongPin'`, also when passed
 * around before `t()`), and the fixed part of built keys (`t(\`register.statuses.${s}\`)` needs a group
 * `register.statuses`). Built keys' last parts are checked at run time: a miss fails the unit and
 * end-to-end tests (`locales/missing-text.ts`).
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { MESSAGES } from '@client/locales/messages'
import { PULLED_TABLES } from '@shared/sync/registry'

const ROOT = path.resolve(import.meta.dirname, '../../src/client')

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name)
    if (e.isDirectory()) return sources(full)
    return /\.(vue|ts)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [full] : []
  })
}

function lookup(messages: object, key: string): unknown {
  return key.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), messages)
}

const groups = new Set(Object.keys(MESSAGES['zh-CN']))
const files = sources(ROOT).map((f) => ({ file: path.relative(ROOT, f), text: fs.readFileSync(f, 'utf8') }))

/**
 * Literal keys: a quoted key given to `t()`, or any quoted dotted word of three parts or more whose first
 * part is a text group (a key chosen before it is shown: `return 'login.throttledShort'`). Two-part
 * words outside `t()` are left out: mutation names and permissions look the same (`dutyLog.write`).
 */
function literalKeys(): { key: string; file: string }[] {
  return files.flatMap(({ file, text }) => {
    const given = [...text.matchAll(/\bte?\(\s*['"]([a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)+)['"]/g)].map((m) => m[1]!)
    const chosen = [...text.matchAll(/['"]([a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+){2,})['"]/g)].map((m) => m[1]!)
    return [...new Set([...given, ...chosen])].filter((key) => groups.has(key.split('.')[0]!)).map((key) => ({ key, file }))
  })
}

/** The fixed part of built keys: t(`a.b.${x}`) → a.b, which must be a group of texts. */
function builtKeyPrefixes(): { prefix: string; file: string }[] {
  return files.flatMap(({ file, text }) =>
    [...text.matchAll(/\bt\(\s*`([a-z][A-Za-z0-9.]*)\.\$\{/g)].map((m) => ({ prefix: m[1]!, file })).filter((k) => groups.has(k.prefix.split('.')[0]!)),
  )
}

describe('texts named by the code', () => {
  it('finds keys to check (the scan itself works)', () => {
    expect(literalKeys().length).toBeGreaterThan(400)
    expect(builtKeyPrefixes().length).toBeGreaterThan(50)
  })

  it.each(['zh-CN', 'en'] as const)('every literal key has a message in %s', (locale) => {
    const missing = literalKeys().filter((k) => typeof lookup(MESSAGES[locale], k.key) !== 'string')
    expect(missing.map((k) => `${k.key} (${k.file})`)).toEqual([])
  })

  it.each(['zh-CN', 'en'] as const)('every built key starts with a group of texts in %s', (locale) => {
    const missing = builtKeyPrefixes().filter((k) => {
      const group = lookup(MESSAGES[locale], k.prefix)
      return !group || typeof group !== 'object'
    })
    expect(missing.map((k) => `${k.prefix} (${k.file})`)).toEqual([])
  })

  // 设置 → 记录数 names every synced table (it showed `sync.tables.receptions` and 20 more).
  it.each(['zh-CN', 'en'] as const)('every synced table has a name in %s', (locale) => {
    expect(PULLED_TABLES.filter((table) => typeof lookup(MESSAGES[locale], `sync.tables.${table}`) !== 'string')).toEqual([])
  })
})
