/** For the statistics tests: the shared rule's input over every record a site holds, what a view read by period must agree with. */
import type { Reception } from '@shared/domain/reception'
import type { ReceptionEvent } from '@shared/domain/reception-event'
import { defaultSettings, type Settings } from '@shared/domain/settings'
import type { Staff } from '@shared/domain/staff'
import type { StatisticsRecordsInput } from '@shared/domain/statistics'
import type { ServerDb } from '@server/db/connection'
import { siteRecordsOf } from '@server/repositories/records'

export async function everything(db: ServerDb, siteId: string): Promise<StatisticsRecordsInput> {
  const all = await siteRecordsOf(db.kysely, siteId, ['settings', 'staff', 'receptions', 'receptionEvents', 'dutyEntries', 'handovers', 'inspections', 'nonconformities'])
  const events = all.receptionEvents as ReceptionEvent[]
  return {
    settings: { ...defaultSettings(siteId, 'Asia/Shanghai'), ...(all.settings![0] as Partial<Settings> | undefined) },
    requests: (all.receptions as Reception[]).map((reception) => ({ reception, events: events.filter((e) => e.receptionId === reception.id) })),
    dutyEntries: all.dutyEntries as never,
    handovers: all.handovers as never,
    inspections: all.inspections as never,
    nonconformities: all.nonconformities as never,
    inspectors: (all.staff as Staff[]).filter((p) => p.active && ['supervisor', 'administrator', 'manager'].includes(p.role)).map((p) => ({ id: p.id, role: p.role as 'manager' })),
  }
}
