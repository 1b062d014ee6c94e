import { describe, expect, it } from 'vitest'
import { MESSAGES } from '@client/locales/messages'
import { MUTATIONS, PULLED_TABLES } from '@shared/sync/registry'
import { SHEETS } from '@server/admin/site-export-columns'

describe('the console’s names of records', () => {
  // A revoked tablet may upload any mutation; the review list names each by its table (issue 10 point 13).
  it.each(['zh-CN', 'en'] as const)('names every table a mutation writes in %s', (locale) => {
    const records = (MESSAGES[locale] as { console: { records: Record<string, string> } }).console.records
    for (const spec of Object.values(MUTATIONS)) expect(records[spec.table], spec.table).toMatch(/\S/)
  })
})

describe('the site workbook’s sheets', () => {
  // The server keeps its own words (it never imports client code): they must stay the console's.
  it('are named as the console names the tables', () => {
    const records = (MESSAGES['zh-CN'] as { console: { records: Record<string, string> } }).console.records
    for (const [table, name] of SHEETS.filter(([t]) => t !== 'devices')) expect(name, table).toBe(records[table])
    expect(SHEETS.map(([t]) => t).sort()).toEqual([...PULLED_TABLES].sort())
  })
})
