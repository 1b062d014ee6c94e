/**
 * Every mutation the server knows: which table it writes, whether that table is editable or
 * append-only, which action the staff member's role must allow, and the record's schema.
 * Client and server read the same table (docs/sync-protocol.md "Push").
 */
import type { TSchema } from '@sinclair/typebox'
import type { Action } from '../domain/role'
import { SiteSchema } from '../domain/site'
import { SettingsSchema } from '../domain/settings'
import { DepartmentSchema } from '../domain/department'
import { ShiftTypeSchema } from '../domain/shift-type'
import { StaffSchema } from '../domain/staff'

export type RecordKind = 'editable' | 'appendOnly'

export interface MutationSpec {
  table: string
  kind: RecordKind
  /** What the staff member's role must allow. */
  action: Action
  schema: TSchema
  /** The record field holding its site: the record id itself for the site record. */
  siteField: 'siteId' | 'id'
  /** `delete` writes a tombstone; `put` merges fields. */
  op: 'put' | 'delete'
  /** Versions of this mutation the server still applies. */
  versions: readonly number[]
}

/** Mutations a founding device made during first-run setup, before anyone could log in. */
export const SETUP_MUTATIONS: readonly string[] = ['site.put', 'settings.put', 'department.put', 'shiftType.put', 'staff.put']

export const MUTATIONS: Record<string, MutationSpec> = {
  'site.put': { table: 'sites', kind: 'editable', action: 'settings.manage', schema: SiteSchema, siteField: 'id', op: 'put', versions: [1] },
  'settings.put': { table: 'settings', kind: 'editable', action: 'settings.manage', schema: SettingsSchema, siteField: 'siteId', op: 'put', versions: [1] },
  'department.put': { table: 'departments', kind: 'editable', action: 'settings.manage', schema: DepartmentSchema, siteField: 'siteId', op: 'put', versions: [1] },
  'shiftType.put': { table: 'shiftTypes', kind: 'editable', action: 'settings.manage', schema: ShiftTypeSchema, siteField: 'siteId', op: 'put', versions: [1] },
  'staff.put': { table: 'staff', kind: 'editable', action: 'staff.manage', schema: StaffSchema, siteField: 'siteId', op: 'put', versions: [1] },
}

/** Tables the server sends to tablets (records of a site). `devices` is written by the server only. */
export const PULLED_TABLES = ['sites', 'settings', 'departments', 'shiftTypes', 'staff', 'devices'] as const
export type PulledTable = (typeof PULLED_TABLES)[number]

export function specFor(name: string, version: number): MutationSpec | null {
  const spec = MUTATIONS[name]
  return spec && spec.versions.includes(version) ? spec : null
}
