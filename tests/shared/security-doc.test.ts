/**
 * docs/security.md's table of who may do what is the code's (issue 14 point 5): regenerated from the role
 * table and the mutation registry, it is what is committed.
 */
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { can } from '@shared/domain/role'
import { SECURITY_DOC, securityTables, withTables } from '../support/security-doc'

describe('docs/security.md', () => {
  const doc = fs.readFileSync(SECURITY_DOC, 'utf8')

  it('holds the tables generated from the code (run npm run docs:security after changing a role or a mutation)', () => {
    expect(withTables(doc)).toBe(doc)
  })

  it('says in its table what the code decides: the manager registers but does not see phones in full; only the supervisor approves the roster', () => {
    const row = (action: string) => securityTables().split('\n').find((l) => l.startsWith(`| \`${action}\` |`))!
    expect(can('manager', 'customer.contact')).toBe(false)
    expect(row('customer.contact')).toBe('| `customer.contact` | ✓ | ✓ | ✓ |  | ✓ |  |')
    expect(row('roster.approve')).toBe('| `roster.approve` |  |  | ✓ |  |  |  |')
    expect(securityTables()).toContain('| `dutyEntry.add` | `dutyEntries` | 只追加 (append-only) | `dutyLog.write` | 客服助理、客服管理员、客服主管 | 仅前台平板 (desk tablets only) |')
  })
})
