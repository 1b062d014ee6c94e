/** A responsible department (责任部门, 篇4 3.4) that items are handed to. */
import { Type, type Static } from '@sinclair/typebox'
import { IdSchema } from './ids'

export const DepartmentSchema = Type.Object({
  id: IdSchema,
  siteId: IdSchema,
  name: Type.String({ minLength: 1, maxLength: 30 }),
  active: Type.Boolean(),
})
export type Department = Static<typeof DepartmentSchema>

/** Offered at first run; every site edits the list. 工程 engineering, 秩序 security, 环境 cleaning, 财务 finance. */
export const SUGGESTED_DEPARTMENTS = ['工程部', '秩序部', '环境部', '财务部'] as const

/** Names that appear twice (ignoring surrounding spaces), so a form can say which. */
export function duplicateNames(names: readonly string[]): string[] {
  const seen = new Set<string>()
  const dup = new Set<string>()
  for (const raw of names) {
    const name = raw.trim()
    if (seen.has(name)) dup.add(name)
    seen.add(name)
  }
  return [...dup]
}
