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

/** The schema version: the name of the latest migration applied (null before any ran). */
export async function schemaVersion(db: ServerDb): Promise<string | null> {
  const migrator = new Migrator({ db: db.kysely, provider: new StaticProvider() })
  const applied = (await migrator.getMigrations()).filter((m) => m.executedAt !== undefined)
  return applied.at(-1)?.name ?? null
}
