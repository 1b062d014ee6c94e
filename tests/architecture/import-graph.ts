/**
 * The import graph of `src/`, read from the files themselves: every static, type-only and dynamic
 * import of every `.ts` and `.vue` file (the `<script>` blocks), resolved through the `@client`,
 * `@shared` and `@server` aliases as Vite and TypeScript resolve them. Package imports are kept by
 * name so a rule can name a package (`dexie`).
 */
import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'

export const ROOT = path.resolve(import.meta.dirname, '../..')
const SRC = path.join(ROOT, 'src')
const ALIASES: Record<string, string> = { '@client': 'src/client', '@shared': 'src/shared', '@server': 'src/server' }
const EXTENSIONS = ['', '.ts', '.vue', '/index.ts']

export interface SourceFile {
  /** Path from the repository root, with forward slashes: `src/client/db/database.ts`. */
  file: string
  text: string
  /** The script of the file (a `.vue` file's `<script>` blocks), as the imports were read from it. */
  script: string
  /** Files of `src/` it imports (repository-root paths) and packages it imports (bare names). */
  imports: string[]
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(full)
    return /\.(ts|vue)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : []
  })
}

function scriptOf(file: string, text: string): string {
  if (!file.endsWith('.vue')) return text
  return [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n')
}

function resolve(from: string, spec: string): string {
  const alias = Object.keys(ALIASES).find((a) => spec === a || spec.startsWith(`${a}/`))
  let base: string
  if (alias) base = path.join(ROOT, ALIASES[alias]!, spec.slice(alias.length))
  else if (spec.startsWith('.')) base = path.resolve(path.dirname(from), spec)
  else return spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!
  for (const ext of EXTENSIONS) {
    const candidate = base + ext
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return path.relative(ROOT, candidate).split(path.sep).join('/')
  }
  // Not a source file (a JSON file, a stylesheet, an asset): kept by path, it cannot close a circle.
  return path.relative(ROOT, base).split(path.sep).join('/')
}

let cache: SourceFile[] | null = null

export function readSources(): SourceFile[] {
  cache ??= sourceFiles(SRC).map((full) => {
    const text = fs.readFileSync(full, 'utf8')
    const script = scriptOf(full, text)
    const { importedFiles } = ts.preProcessFile(script, true, true)
    const imports = [...new Set(importedFiles.map((i) => resolve(full, i.fileName)))]
    return { file: path.relative(ROOT, full).split(path.sep).join('/'), text, script, imports }
  })
  return cache
}

/** The import circles: strongly connected groups of files (Tarjan), each as a list of files. */
export function importCircles(files: SourceFile[]): string[][] {
  const edges = new Map(files.map((f) => [f.file, f.imports.filter((i) => i.startsWith('src/'))]))
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const circles: string[][] = []
  let next = 0
  const visit = (node: string): void => {
    index.set(node, next)
    low.set(node, next++)
    stack.push(node)
    onStack.add(node)
    for (const to of edges.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to)
        low.set(node, Math.min(low.get(node)!, low.get(to)!))
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node)!, index.get(to)!))
    }
    if (low.get(node) !== index.get(node)) return
    const group: string[] = []
    let member: string
    do {
      member = stack.pop()!
      onStack.delete(member)
      group.push(member)
    } while (member !== node)
    if (group.length > 1 || edges.get(node)?.includes(node)) circles.push(group.sort())
  }
  for (const file of edges.keys()) if (!index.has(file)) visit(file)
  return circles
}

/** The feature a file belongs to (`src/client/features/<feature>/…`), or null. */
export function featureOf(file: string): string | null {
  return /^src\/client\/features\/([^/]+)\//.exec(file)?.[1] ?? null
}
