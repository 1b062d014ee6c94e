import type { Kysely } from 'kysely'

/**
 * Escalations delivered to WeCom and DingTalk group robots (issue 15 points 2 and 3).
 *
 * `notify_channels`: a site's robots as the company administrator set them up — the platform's secrets
 * (never sent to a tablet, masked in the console), the rules and levels each gets, quiet hours and the
 * daily digest's time (site-local `HH:MM`), and what the server knows of its health: failing with a
 * reason until a time (a configuration error is not retried every minute), the sends of the last minute
 * (the robots' 20-a-minute limit), the one process delivering it for now (a lease), the last day its
 * digest went.
 *
 * `notify_outbox`: one row per event key and channel (unique: an event is notified once per level however
 * many processes evaluate the rules), waiting, sent, folded into a digest or dead after its attempts.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('notify_channels')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('site_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('name', 'varchar(60)', (c) => c.notNull())
    .addColumn('secrets', 'text', (c) => c.notNull())
    .addColumn('rules', 'text', (c) => c.notNull())
    .addColumn('levels', 'text', (c) => c.notNull())
    .addColumn('quiet_start', 'varchar(5)')
    .addColumn('quiet_end', 'varchar(5)')
    .addColumn('digest_at', 'varchar(5)')
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('failing', 'text')
    .addColumn('failing_since', 'bigint')
    .addColumn('retry_at', 'bigint')
    .addColumn('recent_sends', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('lease_owner', 'varchar(36)')
    .addColumn('lease_until', 'bigint')
    .addColumn('digest_day', 'varchar(10)')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('notify_channels_site').on('notify_channels').column('site_id').execute()

  await db.schema
    .createTable('notify_outbox')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('event_key', 'varchar(200)', (c) => c.notNull())
    .addColumn('channel_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('site_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('rule', 'varchar(40)', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(8)', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_at', 'bigint', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('sent_at', 'bigint')
    .addUniqueConstraint('notify_outbox_once', ['event_key', 'channel_id'])
    .execute()
  await db.schema.createIndex('notify_outbox_due').on('notify_outbox').columns(['channel_id', 'status', 'next_at']).execute()
  await db.schema.createIndex('notify_outbox_site').on('notify_outbox').columns(['site_id', 'status']).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('notify_outbox').execute()
  await db.schema.dropTable('notify_channels').execute()
}
