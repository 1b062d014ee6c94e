/**
 * Migrations run at start, in order, on SQLite and PostgreSQL alike (Kysely's migrator keeps
 * the list of applied ones in its own table).
 */
import { Migrator, type Migration, type MigrationProvider } from 'kysely'
import type { ServerDb } from './connection'
import { migrations } from './migrations/index'

class StaticProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations
  }
}

export async function migrateToLatest(db: ServerDb): Promise<string[]> {
  const migrator = new Migrator({ db: db.kysely, provider: new StaticProvider() })
  const { error, results } = await migrator.migrateToLatest()
  if (error) throw error instanceof Error ? error : new Error(String(error))
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}
