/**
 * The versions of the one Dexie database, oldest first. Never edit a shipped version:
 * add a new one (with an upgrade function when rows must change) and a line saying why.
 */
import type { Transaction } from 'dexie'
import type { ReceptionEvent } from '@shared/domain/reception-event'
import type { Reception } from '@shared/domain/reception'
import { indexRow, queueKeys, type ReceptionIndexRow } from './register/index-row'
import { applyCountChanges, countChanges } from './register/index-counts'

export interface SchemaVersion {
  version: number
  why: string
  stores: Record<string, string | null>
  upgrade?: (tx: Transaction) => Promise<void>
}

/** The register index's keys from schema 5 on (later versions add to them). */
const RECEPTION_INDEX_5 =
  'id, siteId, ref, receivedAt, room, roomId, customerName, *phoneKeys, status, ownerId, departmentId, resolvedAt, ' +
  '[siteId+receivedAt], [siteId+status+receivedAt], [siteId+category+receivedAt], [siteId+category+status+receivedAt], ' +
  '[siteId+pending+receivedAt], [siteId+unresolved+receivedAt], [siteId+unanswered+receivedAt], [ownerId+pending+receivedAt], ' +
  '[departmentId+receivedAt], [handedTo+receivedAt], *grams'

/** Meta key: index rows of closed requests written before schema 13 still lack `closedAt` and `kept` (contact-retention.ts). */
export const CLOSED_REINDEX = 'contactRetention.reindex'

/** Meta key: requests stored before schema 16 have no statistics row yet (statistics-input.ts fills them). */
export const FACTS_FILL = 'statistics.factsFill'

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
  {
    version: 5,
    why: 'The register a window at a time with 200,000 requests (issue 4 point 6): compound indexes that give each queue and filter newest first — by site, status, category, category and status, the queue flags (pending, unresolved, unanswered), owner, department with it now and department handed to — with their rows counted per day in meta, and [pair, receivedAt] 2-grams of the matter for finding its words.',
    stores: {
      receptionIndex: RECEPTION_INDEX_5,
    },
    async upgrade(tx) {
      // The rows stay as they are; the new keys follow from their facts and the latest hand-over (one
      // pass over the timelines), and the counts per day from the new keys.
      const latest = new Map<string, Pick<ReceptionEvent, 'at' | 'id' | 'departmentId'>>()
      await tx.table('receptionEvents').each((e: ReceptionEvent) => {
        if (e.type !== 'handedOver') return
        const seen = latest.get(e.receptionId)
        if (!seen || e.at > seen.at || (e.at === seen.at && e.id > seen.id)) latest.set(e.receptionId, e)
      })
      const counts = new Map<string, number>()
      await tx
        .table('receptionIndex')
        .toCollection()
        .modify((row: ReceptionIndexRow) => {
          Object.assign(row, queueKeys(row, latest.get(row.id)?.departmentId ?? null))
          countChanges([], [row], counts)
        })
      await tx.table('meta').bulkPut([...counts].map(([key, value]) => ({ key, value })))
    },
  },
  {
    version: 6,
    why: 'Duty log and handover (issue 5): entries by shift, handovers by the shift handed over, the site handover template, day notes, the desk services log (periodicals, loans and returns, paid services), and a local draft of a handover in progress.',
    stores: {
      dutyEntries: 'id, shiftKey, at, [siteId+at]',
      handovers: 'id, fromShiftKey, toShiftKey, createdAt',
      handoverTemplates: 'siteId',
      dayNotes: 'id, date',
      periodicals: 'id, receivedAt',
      loans: 'id, lentAt',
      loanReturns: 'id, loanId',
      paidServices: 'id, at, receiptNo',
      handoverDrafts: 'id',
    },
  },
  {
    version: 7,
    why: 'Quality inspections (issue 6): the versioned checklist, inspections by time and shift, nonconformities by inspection and by the person responsible, their verifications, the inspected person\'s responses, photos by inspection.',
    stores: {
      inspectionTemplates: 'id, version',
      inspections: 'id, at, shiftKey, [siteId+at]',
      nonconformities: 'id, inspectionId, staffId, at',
      verifications: 'id, nonconformityId',
      inspectionResponses: 'id, inspectionId',
      inspectionPhotos: 'id, inspectionId',
    },
  },
  {
    version: 8,
    why: 'The archive finds a room by its number alone (1101 in every building), as the desk often hears it: rooms indexed by number.',
    stores: {
      rooms: 'id, siteId, label, building, number',
    },
  },
  {
    version: 9,
    why: 'Drafts of forms with unsaved input, per staff member and form, kept on this tablet through the idle lock, a reload and a switch of user (issue 10 point 1); never synced. Index rows still saying 部门已完成 are derived again: a department\'s report is now the result (issue 10 point 9).',
    stores: {
      formDrafts: 'id, staffId',
    },
    async upgrade(tx) {
      const stale = (await tx.table('receptionIndex').where('status').equals('departmentDone').toArray()) as ReceptionIndexRow[]
      if (!stale.length) return
      const ids = stale.map((r) => r.id)
      const receptions = (await tx.table('receptions').bulkGet(ids)) as (Reception | undefined)[]
      const events = (await tx.table('receptionEvents').where('receptionId').anyOf(ids).toArray()) as ReceptionEvent[]
      const rows = receptions.filter((r): r is Reception => !!r).map((r) => indexRow(r, events.filter((e) => e.receptionId === r.id)))
      await tx.table('receptionIndex').bulkPut(rows)
      await applyCountChanges({ meta: tx.table('meta') }, countChanges(stale, rows))
    },
  },
  {
    version: 10,
    why: 'A server restored from a backup loses what tablets pushed after it (issue 12 point 2): the per-field stamps of each pulled editable record are kept, so the tablet can re-send its records and the server takes only what it lacks or holds older.',
    stores: {
      fieldStamps: '[table+id]',
    },
    async upgrade(tx) {
      // Pull everything once more, so the records pulled before this version get their stamps too.
      await tx.table('meta').delete('pullCursor')
    },
  },
  {
    version: 11,
    why: 'The monthly roster (issue 13): the working copy cell by cell by site and day and by person; versions by month; their steps by version; leave and swap requests by person and day; answers by request.',
    stores: {
      rosterCells: 'id, [siteId+date], staffId',
      rosterVersions: 'id, month',
      rosterSteps: 'id, versionId',
      rosterRequests: 'id, staffId, date',
      rosterAnswers: 'id, requestId',
    },
  },
  {
    version: 12,
    why: 'The access trail of owners\' personal information (issue 14 point 2): who showed a full phone, printed or exported one, by time. Pulled again from the start once: a tablet of the version before skipped the trail\'s records it pulled.',
    stores: {
      accessTrail: 'id, at',
    },
    async upgrade(tx) {
      await tx.table('meta').delete('pullCursor')
    },
  },
  {
    version: 13,
    why: 'Owners\' contact details kept no longer than the site\'s period (issue 14 point 3): closed requests still holding them, by when they closed. The rows written before are indexed again in the background by the first retention pass.',
    stores: {
      receptionIndex: `${RECEPTION_INDEX_5}, [kept+closedAt]`,
    },
    async upgrade(tx) {
      if (await tx.table('receptionIndex').count()) await tx.table('meta').put({ key: CLOSED_REINDEX, value: true })
    },
  },
  {
    version: 14,
    why: 'Notifications (issue 15 point 4): what the server\'s time rules found, by level and when it fell due, and which of them were read on this tablet (local only).',
    stores: {
      notices: 'id, [level+dueAt]',
      noticeReads: 'id',
    },
  },
  {
    version: 15,
    why: 'The register filtered by status and the department a request was handed to at once (issue 17): one range per status of that department, newest first, instead of reading every row handed to it and checking its status. IndexedDB builds the new index over the rows already stored.',
    stores: {
      receptionIndex: `${RECEPTION_INDEX_5}, [kept+closedAt], [handedTo+status+receivedAt]`,
    },
  },
  {
    version: 16,
    why: 'Statistics (issue 16): one small row per request with its clock-free facts, written with its index row, so 统计 reads those rows of two periods and the open ones and no timeline. Requests already stored get theirs in batches when 统计 first opens (FACTS_FILL), not in the upgrade, which would hold the app at start.',
    stores: {
      requestFacts: 'id, [siteId+receivedAt], [siteId+pending]',
    },
    upgrade: async (tx) => {
      if (await tx.table('receptions').count()) await tx.table('meta').put({ key: FACTS_FILL, value: true })
    },
  },
  {
    version: 17,
    why: 'The stamps of a pulled page in one row (issue 17): a row per pulled editable record cost a fresh tablet about 4 s of a 50,000-record pull, as each IndexedDB put does. The rows of `fieldStamps` stay and are read under the newer page rows.',
    stores: {
      stampPages: '++order',
    },
  },
]

export const LATEST_VERSION = SCHEMA_VERSIONS.at(-1)!.version
