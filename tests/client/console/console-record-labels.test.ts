import { describe, expect, it } from 'vitest'
import { MESSAGES } from '@client/locales/messages'
import { MUTATIONS } from '@shared/sync/registry'

describe('the console’s names of records', () => {
  // A revoked tablet may upload any mutation; the review list names each by its table (issue 10 point 13).
  it.each(['zh-CN', 'en'] as const)('names every table a mutation writes in %s', (locale) => {
    const records = (MESSAGES[locale] as { console: { records: Record<string, string> } }).console.records
    for (const spec of Object.values(MUTATIONS)) expect(records[spec.table], spec.table).toMatch(/\S/)
  })
})
