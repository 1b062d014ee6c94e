/** A throwaway PostgreSQL cluster and database for a benchmark (skipped, said so, when its binaries are missing). */
import pg from 'pg'
import type { ServerDb } from '@server/db/connection'
import { openPostgres } from '@server/db/postgres'
import { binDir, startCluster } from '../support/postgres-cluster'

export async function withBenchPostgres(name: string, run: (db: ServerDb) => Promise<void>): Promise<void> {
  try {
    binDir()
  } catch {
    console.log('\nPostgreSQL: skipped — its binaries were not found (apt-get install postgresql, or set PG_BIN)')
    return
  }
  const cluster = await startCluster()
  try {
    const admin = new pg.Client({ connectionString: cluster.url })
    await admin.connect()
    await admin.query(`create database ${name}`)
    await admin.end()
    const url = new URL(cluster.url)
    url.pathname = `/${name}`
    const db = openPostgres(url.toString())
    try {
      await run(db)
    } finally {
      await db.close()
    }
  } finally {
    cluster.stop()
  }
}
