/**
 * Each server test gets a fresh database of each kind: a temp SQLite file, and a new
 * PostgreSQL database on the test cluster.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { inject } from 'vitest'
import { openSqlite, type ServerDb } from '@server/db/connection'
import { openPostgres } from '@server/db/postgres'
import { migrateToLatest } from '@server/db/migrate'

export interface Backend {
  name: 'sqlite' | 'postgres'
  /** A fresh, migrated database; `close()` also removes it. */
  open(): Promise<ServerDb>
}

let counter = 0

/** A new, empty database on the test cluster: its URL, and `drop()` to remove it. */
export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = inject('pgAdminUrl')
  const name = `t_${process.pid}_${Date.now()}_${counter++}`
  const client = new pg.Client({ connectionString: admin })
  await client.connect()
  await client.query(`create database ${name}`)
  await client.end()
  const url = new URL(admin)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: admin })
      await c.connect()
      await c.query(`drop database if exists ${name} with (force)`)
      await c.end()
    },
  }
}

async function freshPostgres(): Promise<ServerDb> {
  const { url, drop } = await createPostgresDatabase()
  const db = openPostgres(url)
  const close = db.close
  return {
    ...db,
    async close() {
      await close()
      await drop()
    },
  }
}

function freshSqlite(): ServerDb {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deskbook-sqlite-'))
  const db = openSqlite(path.join(dir, 'test.sqlite'))
  const close = db.close
  return {
    ...db,
    async close() {
      await close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

export const BACKENDS: Backend[] = [
  {
    name: 'sqlite',
    async open() {
      const db = freshSqlite()
      await migrateToLatest(db)
      return db
    },
  },
  {
    name: 'postgres',
    async open() {
      const db = await freshPostgres()
      await migrateToLatest(db)
      return db
    },
  },
]

/** A second connection to the same database as `db`, as another server process would hold (close it yourself). */
export function anotherConnection(db: ServerDb): ServerDb {
  if (db.kind === 'sqlite') return openSqlite(db.describe)
  const url = new URL(inject('pgAdminUrl'))
  url.pathname = db.describe.slice(db.describe.indexOf('/'))
  return openPostgres(url.toString())
}
