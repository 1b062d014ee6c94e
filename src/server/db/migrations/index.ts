import type { Migration } from 'kysely'
import * as m001 from './001-server-meta'
import * as m002 from './002-sync'
import * as m003 from './003-record-parent'
import * as m004 from './004-device-kind'
import * as m005 from './005-device-department'
import * as m006 from './006-quarantine-review'
import * as m007 from './007-server-epoch'
import * as m008 from './008-rate-limits'
import * as m009 from './009-site-exports'
import * as m010 from './010-owner-requests'
import * as m011 from './011-notifications'
import * as m012 from './012-notify-watch'
import * as m013 from './013-record-at'
import * as m014 from './014-request-facts'

/** Every migration, by name; names sort in the order they run. */
export const migrations: Record<string, Migration> = {
  '001-server-meta': m001,
  '002-sync': m002,
  '003-record-parent': m003,
  '004-device-kind': m004,
  '005-device-department': m005,
  '006-quarantine-review': m006,
  '007-server-epoch': m007,
  '008-rate-limits': m008,
  '009-site-exports': m009,
  '010-owner-requests': m010,
  '011-notifications': m011,
  '012-notify-watch': m012,
  '013-record-at': m013,
  '014-request-facts': m014,
}
