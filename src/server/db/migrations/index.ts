import type { Migration } from 'kysely'
import * as m001 from './001-server-meta'
import * as m002 from './002-sync'

/** Every migration, by name; names sort in the order they run. */
export const migrations: Record<string, Migration> = {
  '001-server-meta': m001,
  '002-sync': m002,
}
