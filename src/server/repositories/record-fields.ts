/**
 * A few fields of the live records of a period, taken out of their JSON by the database (issue 16's
 * benchmark: an inspection's record is mostly its checklist, which the statistics never read, and parsing
 * whole records was most of a company view's time). SQLite: `json_extract` (its JSON cache parses a record
 * once for all its fields); PostgreSQL: `json_to_record`, which parses it once and gives the fields typed.
 * Field names are the code's own, never a user's.
 */
import { sql } from 'kysely'
import type { DbKind } from '../db/connection'
import type { PeriodTable } from './record-instant'
import type { Db } from './records'

/** How a field comes back: a string, a boolean, or a JSON value (array or object), parsed. */
export type FieldKind = 'text' | 'boolean' | 'json'

const PG_TYPES: Record<FieldKind, string> = { text: 'text', boolean: 'boolean', json: 'json' }

/** `fields` of the live records of `table` counted at an instant from `start` (in) to `end` (out; null: no end), with that instant as `at`. */
export async function recordFieldsBetween<F extends string>(
  db: Db,
  kind: DbKind,
  siteId: string,
  table: PeriodTable,
  start: number,
  end: number | null,
  fields: Readonly<Record<F, FieldKind>>,
): Promise<({ at: number } & Record<F, unknown>)[]> {
  const names = Object.keys(fields) as F[]
  const until = end === null ? sql`` : sql` and r.at < ${end}`
  const where = sql`r.site_id = ${siteId} and r.table_name = ${table} and r.at >= ${start}${until} and r.deleted = 0`
  if (kind === 'postgres') {
    const columns = sql.join(names.map((n) => sql`${sql.id(n)} ${sql.raw(PG_TYPES[fields[n]])}`))
    const { rows } = await sql<{ at: number } & Record<F, unknown>>`select r.at, x.* from records r, json_to_record(r.data::json) as x(${columns}) where ${where}`.execute(db)
    return rows.map((row) => ({ ...row, at: Number(row.at) }))
  }
  const picked = sql.join(names.map((n) => sql`json_extract(r.data, ${`$.${n}`}) as ${sql.id(n)}`))
  const { rows } = await sql<Record<string, unknown>>`select r.at, ${picked} from records r where ${where}`.execute(db)
  return rows.map((row) => {
    const out: Record<string, unknown> = { at: Number(row.at) }
    for (const n of names) {
      const v = row[n]
      // SQLite gives JSON's true and false as 1 and 0, and an array or object as its JSON text.
      out[n] = fields[n] === 'boolean' ? v === 1 : fields[n] === 'json' && typeof v === 'string' ? JSON.parse(v) : v
    }
    return out as { at: number } & Record<F, unknown>
  })
}
