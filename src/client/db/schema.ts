/**
 * The versions of the one Dexie database, oldest first. Never edit a shipped version:
 * add a new one (with an upgrade function when rows must change) and a line saying why.
 */
import type { Transaction } from 'dexie'

export interface SchemaVersion {
  version: number
  why: string
  stores: Record<string, string | null>
  upgrade?: (tx: Transaction) => Promise<void>
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    why: 'Foundation: site, its departments, shift types, staff, settings, devices, and the outbox of mutations.',
    stores: {
      sites: 'id',
      departments: 'id, siteId',
      shiftTypes: 'id, siteId',
      staff: 'id, siteId',
      settings: 'siteId',
      devices: 'id, siteId',
      outbox: 'id',
    },
  },
  {
    version: 2,
    why: 'Login on a shared tablet: a meta table (marker row, this device, clock), wrong-PIN throttling, staff by role; staff rows get `active`.',
    stores: {
      staff: 'id, siteId, [siteId+role]',
      meta: 'key',
      loginThrottle: 'staffId',
    },
    async upgrade(tx) {
      await tx
        .table('staff')
        .toCollection()
        .modify((row: Record<string, unknown>) => {
          if (typeof row.active !== 'boolean') row.active = true
          if (!('departmentId' in row)) row.departmentId = null
        })
    },
  },
  {
    version: 3,
    why: 'Sync with the server: outbox by record (to lay waiting changes over pulled ones) and the dead letters the server refused.',
    stores: {
      outbox: 'id, [table+recordId]',
      deadLetters: 'id',
    },
  },
]

export const LATEST_VERSION = SCHEMA_VERSIONS.at(-1)!.version
