/**
 * The shape of the tree, checked on every `npm test` (issue 11 point 5): no import circle (type-only and
 * dynamic imports included), no feature importing another, no component reading a Dexie table, and the
 * sides of the app kept apart. Each rule names the files that break it.
 */
import { describe, expect, it } from 'vitest'
import { SCHEMA_VERSIONS } from '@client/db/schema'
import { featureOf, importCircles, readSources } from './import-graph'

const sources = readSources()
const importsOf = (pred: (file: string) => boolean) => sources.filter((s) => pred(s.file))
const breaking = (files: typeof sources, bad: (to: string, from: string) => boolean): string[] =>
  files.flatMap((s) => s.imports.filter((to) => bad(to, s.file)).map((to) => `${s.file} → ${to}`))

describe('the import graph of src/', () => {
  it('reads every source file and its imports', () => {
    // A guard on the guard: the graph must see the tree, or every rule below would pass on nothing.
    expect(sources.length).toBeGreaterThan(300)
    const database = sources.find((s) => s.file === 'src/client/db/schema.ts')
    expect(database?.imports).toContain('dexie')
  })

  it('has no import circle', () => {
    expect(importCircles(sources).map((c) => c.join(' ⇄ '))).toEqual([])
  })

  it('finds a circle when there is one, type-only imports included', () => {
    const circle = [
      { file: 'src/a.ts', text: '', script: '', imports: ['src/b.ts'] },
      { file: 'src/b.ts', text: '', script: '', imports: ['src/a.ts', 'dexie'] },
      { file: 'src/c.ts', text: '', script: '', imports: ['src/a.ts'] },
    ]
    expect(importCircles(circle)).toEqual([['src/a.ts', 'src/b.ts']])
  })
})

describe('boundaries', () => {
  it('a feature never imports another feature', () => {
    const files = importsOf((f) => featureOf(f) !== null)
    expect(breaking(files, (to, from) => featureOf(to) !== null && featureOf(to) !== featureOf(from))).toEqual([])
  })

  it('what features share (db, components, composables, stores, sync) never imports a feature', () => {
    const files = importsOf((f) => f.startsWith('src/client/') && featureOf(f) === null && !/^src\/client\/(router|main)\.ts$/.test(f))
    expect(breaking(files, (to) => featureOf(to) !== null)).toEqual([])
  })

  it('the data layer (db/) imports only itself and shared: no UI, store or sync code', () => {
    const files = importsOf((f) => f.startsWith('src/client/db/'))
    expect(breaking(files, (to) => to.startsWith('src/') && !to.startsWith('src/client/db/') && !to.startsWith('src/shared/'))).toEqual([])
  })

  it('imports leave a folder by an alias, never by climbing two folders up', () => {
    const climbing = sources.filter((s) => /from\s+['"]\.\.\/\.\.\//.test(s.script) || /import\(\s*['"]\.\.\/\.\.\//.test(s.script)).map((s) => s.file)
    expect(climbing).toEqual([])
  })

  it('shared imports only shared, and no Vue, DOM or Node API', () => {
    const files = importsOf((f) => f.startsWith('src/shared/'))
    expect(breaking(files, (to) => (to.startsWith('src/') && !to.startsWith('src/shared/')) || /^(vue|vue-router|pinia|dexie|vant|node:.*|fs|path)$/.test(to))).toEqual([])
  })

  it('client, server and service worker never import each other', () => {
    const side = (f: string): string | null => (f.startsWith('src/client/') ? 'client' : f.startsWith('src/server/') ? 'server' : f === 'src/sw.ts' ? 'sw' : null)
    const files = importsOf((f) => side(f) !== null)
    expect(breaking(files, (to, from) => side(to) !== null && side(to) !== side(from))).toEqual([])
  })
})

describe('components read and write through composables and repositories', () => {
  // Every table of every version: a version lists only the tables it adds or changes.
  const tables = [...new Set(SCHEMA_VERSIONS.flatMap((v) => Object.keys(v.stores)))]
  const reading = new RegExp(`\\b(?:db|database)\\s*\\.\\s*(?:${tables.join('|')})\\b|\\.table\\(`)
  const components = importsOf((f) => f.endsWith('.vue'))

  it('knows the tables it looks for', () => {
    expect(tables).toEqual(expect.arrayContaining(['receptions', 'dutyEntries', 'devices', 'outbox']))
    expect(reading.test('const rows = await db.devices.toArray()')).toBe(true)
    expect(reading.test('await saveRoom(db, room)')).toBe(false)
  })

  it('no component reads a Dexie table or imports Dexie', () => {
    const found = components.flatMap((c) => [
      ...(reading.test(c.script) ? [`${c.file} reads a table`] : []),
      ...(c.imports.includes('dexie') ? [`${c.file} imports dexie`] : []),
    ])
    expect(found).toEqual([])
  })
})
