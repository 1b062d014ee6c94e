/**
 * The shape of a server-side rule for one mutation: what the record rules of each record
 * (`record-rules.ts`, `archive-rules.ts`, `department-rules.ts`, `inspection-rules.ts`, `roster-rules.ts`) have in common.
 */
import type { Transaction } from 'kysely'
import type { Role } from '@shared/domain/role'
import type { Mutation } from '@shared/sync/mutation'
import type { Database } from '../db/tables'

export interface Actor {
  role: Role | null
  departmentId: string | null
}

/**
 * A problem code, or null when the mutation may be applied. `now` is the server's clock, for rules of
 * time (a review only of a period that has ended).
 */
export type Rule = (trx: Transaction<Database>, siteId: string, m: Mutation, data: Record<string, unknown>, actor: Actor, now: number) => Promise<string | null>
