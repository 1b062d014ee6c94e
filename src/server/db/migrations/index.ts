import type { Migration } from 'kysely'
import * as m001 from './001-server-meta'

/** Every migration, by name; names sort in the order they run. */
export const migrations: Record<string, Migration> = {
  '001-server-meta': m001,
}
