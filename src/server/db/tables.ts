/**
 * SQL tables as Kysely sees them. SQL names are snake_case; this is the one place they are mapped.
 * Times are ms since the epoch; booleans 0/1; JSON as text (same on SQLite and PostgreSQL).
 */
import type { Generated } from 'kysely'

export interface ServerMetaTable {
  key: string
  value: string
}

export interface SitesTable {
  id: string
  name: string
  timezone: string
  change_seq: Generated<number>
  created_at: number
}

export interface DevicesTable {
  id: string
  site_id: string
  letter: string
  name: string
  token_hash: string
  founder: Generated<number>
  setup_at: number | null
  created_at: number
  last_seen_at: number | null
  revoked_at: number | null
  kind: Generated<'desk' | 'department'>
  /** The department a department tablet belongs to (null: a desk tablet, or enrolled before codes named one). */
  department_id: string | null
  /** The server generation this tablet last caught up with (enrolled under, or re-sent its records to). */
  synced_generation: string | null
}

export interface OneTimeCodesTable {
  code_hash: string
  purpose: 'enrol' | 'connect'
  site_id: string | null
  created_at: number
  expires_at: number
  used_at: number | null
  used_by_device: string | null
  device_kind: Generated<'desk' | 'department'>
  department_id: string | null
}

export interface AdminsTable {
  id: string
  username: string
  password_hash: string
  created_at: number
}

export interface AdminSessionsTable {
  token_hash: string
  admin_id: string
  created_at: number
  expires_at: number
}

export interface RecordsTable {
  site_id: string
  table_name: string
  record_id: string
  data: string
  field_hlc: string
  deleted: number
  seq: number
  updated_at: number
  parent_id: string | null
  /** The instant the record is counted at in a period (migration 013; repositories/record-instant.ts), null for most tables. */
  at: number | null
}

export interface AppliedMutationsTable {
  id: string
  site_id: string
  device_id: string
  name: string
  status: 'applied' | 'rejected'
  reason: string | null
  applied_at: number
}

export interface LetterTable {
  id: string
  site_id: string
  device_id: string
  mutation: string
  created_at: number
}

export interface DeadLettersTable extends LetterTable {
  reason: string
}

/** A revoked tablet's last upload, kept for review: applied or discarded by an administrator, or waiting. */
export interface QuarantineTable extends LetterTable {
  decision: 'applied' | 'discarded' | null
  decided_at: number | null
  /** The administrator (admins.id) who decided. */
  decided_by: string | null
  /** Why applying it was refused the last time it was tried (it stays waiting). */
  refusal: string | null
}

/** An export of a site's data: who, when, which format, phones or not (never the content). */
export interface SiteExportsTable {
  id: string
  site_id: string
  admin_id: string
  admin_username: string
  format: 'json' | 'xlsx'
  with_phones: number
  created_at: number
}

/** An owner's request under PIPL (access, correction, erasure) and its answer; the requester reduced, never a full phone. */
export interface OwnerRequestsTable {
  id: string
  site_id: string
  kind: 'access' | 'correction' | 'erasure'
  received_at: number
  /** The surname only (reducedName). */
  requester_name: string
  /** Masked (138****5678). */
  requester_phone: string
  requester_room: string
  done: string
  answered_at: number
  /** The console account's username. */
  answered_by: string
  note: string
}

/** Rate-limit counters shared by all server processes (one row per route and address). */
export interface RateLimitsTable {
  key: string
  hits: number
  /** When the window ends (ms); a hit after it starts a new window. */
  reset_at: number
}

/** A site's group robot (issue 15 point 2): its secrets stay on the server; lists are JSON text. */
export interface NotifyChannelsTable {
  id: string
  site_id: string
  kind: 'wecom' | 'dingtalk'
  name: string
  /** JSON: `{ key }` (WeCom) or `{ token, secret }` (DingTalk). Never answered, never logged. */
  secrets: string
  /** JSON arrays of NotifyRule and NotifyLevel. */
  rules: string
  levels: string
  /** Site-local `HH:MM`, both or neither. */
  quiet_start: string | null
  quiet_end: string | null
  digest_at: string | null
  enabled: number
  /** Why it is failing (a configuration error, in Chinese), since when, and when it is tried again. */
  failing: string | null
  failing_since: number | null
  retry_at: number | null
  /** JSON array of the instants of its messages in the last minute (the robots' 20 a minute). */
  recent_sends: Generated<string>
  /** The process delivering it for now, until when. */
  lease_owner: string | null
  lease_until: number | null
  /** The site-local day its daily digest last went. */
  digest_day: string | null
  created_at: number
  updated_at: number
}

/** One event for one channel, notified once (unique event key and channel). */
export interface NotifyOutboxTable {
  id: string
  event_key: string
  channel_id: string
  site_id: string
  rule: string
  /** JSON: the NotificationEvent. */
  event: string
  status: 'pending' | 'sent' | 'dead'
  attempts: number
  next_at: number
  last_error: string | null
  created_at: number
  sent_at: number | null
}

/** A request the rules pass still watches, as of the change numbered `seq` (migration 012). */
export interface NotifyWatchTable {
  site_id: string
  reception_id: string
  seq: number
}

/**
 * A request whose statistics facts are to be worked out again, as of the change numbered `seq` (migration 013;
 * since 014 the list `request_facts` is refreshed from).
 */
export type StatisticsWatchTable = NotifyWatchTable

/** A request's clock-free statistics facts (`RequestRecordFacts`, without the unresolvable reason; migration 014). */
export interface RequestFactsTable {
  site_id: string
  reception_id: string
  received_at: number
  ref: string
  category: string
  channel: string
  status: string
  resolved_at: number | null
  answered_at: number | null
  satisfaction: string | null
  visited: number
  /** 1 while not settled (open now), else null. */
  pending: number | null
  /** The `statistics_watch` number the row was worked out at. */
  seq: number
}

export interface Database {
  server_meta: ServerMetaTable
  sites: SitesTable
  devices: DevicesTable
  one_time_codes: OneTimeCodesTable
  admins: AdminsTable
  admin_sessions: AdminSessionsTable
  records: RecordsTable
  applied_mutations: AppliedMutationsTable
  dead_letters: DeadLettersTable
  quarantine: QuarantineTable
  site_exports: SiteExportsTable
  owner_requests: OwnerRequestsTable
  rate_limits: RateLimitsTable
  notify_channels: NotifyChannelsTable
  notify_outbox: NotifyOutboxTable
  notify_watch: NotifyWatchTable
  statistics_watch: StatisticsWatchTable
  request_facts: RequestFactsTable
}
