/**
 * The server's folder rules (src/server/README.md) hold in the source: Kysely queries only in
 * repositories/ (and db/, which opens the connection and migrates), routes never importing one
 * another, plugins/ only Fastify plugins.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const SERVER = path.resolve(import.meta.dirname, '../../src/server')

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name)
    if (e.isDirectory()) return sourceFiles(full)
    return e.name.endsWith('.ts') ? [path.relative(SERVER, full)] : []
  })
}

const FILES = sourceFiles(SERVER)
const read = (file: string): string => fs.readFileSync(path.join(SERVER, file), 'utf8')
const mayQuery = (file: string): boolean => file.startsWith('repositories/') || file.startsWith('db/')

/** A query built by Kysely: a builder call, a raw `sql` template, or a value imported from kysely. */
const QUERY = /\.(selectFrom|selectNoFrom|insertInto|replaceInto|updateTable|deleteFrom|mergeInto)\(|\bsql`|^import (?!type )[^'"]*from 'kysely'/m

describe('server folders', () => {
  it('finds the server source', () => {
    expect(FILES).toContain('repositories/records.ts')
    expect(FILES).toContain('routes/admin.ts')
    expect(FILES.filter((f) => !mayQuery(f)).length).toBeGreaterThan(20)
  })

  it('builds every Kysely query in repositories/ (or db/), none in routes, sync, admin, plugins or the CLI', () => {
    const offenders = FILES.filter((f) => !mayQuery(f) && QUERY.test(read(f)))
    expect(offenders).toEqual([])
  })

  it('finds a query where there is one (the check is not blind)', () => {
    expect(QUERY.test(read('repositories/records.ts'))).toBe(true)
    expect(QUERY.test(read('db/connection.ts'))).toBe(true)
  })

  it('takes only types from db/ elsewhere, but where the database is opened, migrated or pinged', () => {
    const opensDb = ['server.ts', 'cli/admin.ts', 'cli/backup-commands.ts', 'routes/health.ts']
    const valueImport = /^import (?!type )[^'"]*from '\.\.?\/db\//m
    expect(FILES.filter((f) => !mayQuery(f) && valueImport.test(read(f))).sort()).toEqual(opensDb.sort())
  })

  it('lets routes call admin/, sync/ and repositories, never another route', () => {
    const routes = FILES.filter((f) => f.startsWith('routes/'))
    expect(routes.filter((f) => /from '\.\//.test(read(f)))).toEqual([])
  })

  it('keeps only Fastify plugins in plugins/', () => {
    const plugins = FILES.filter((f) => f.startsWith('plugins/'))
    expect(plugins.length).toBeGreaterThan(0)
    expect(plugins.filter((f) => !/= fp\(/.test(read(f)))).toEqual([])
  })
})
