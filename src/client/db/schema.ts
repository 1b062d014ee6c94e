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
  {
    version: 4,
    why: 'Reception register and customer archive (issue 4): requests, their timeline, reviews, signatures, rooms, customers, renovations; receptionIndex is a local search index derived from requests and timelines.',
    stores: {
      receptions: 'id, siteId, ref, receivedAt',
      receptionEvents: 'id, receptionId, at',
      reviews: 'id, [kind+period]',
      signatures: 'id, subjectId',
      rooms: 'id, siteId, label, building',
      customers: 'id, siteId, roomId, name, *phones',
      renovations: 'id, roomId',
      receptionIndex: 'id, siteId, ref, receivedAt, room, roomId, customerName, *phoneKeys, status, ownerId, departmentId, resolvedAt',
    },
  },
]

export const LATEST_VERSION = SCHEMA_VERSIONS.at(-1)!.version
