/**
 * What the console's company statistics answer (issue 16 point 4): every site's figures for a period and the
 * period before, worked out on the server by the shared rules (`shared/domain/statistics`), and the company's
 * sums. One description for the server's response schema, the OpenAPI document and the console's types.
 *
 * The figures are `SiteStatistics` as the tablet's 统计 shows them, but for one thing: a request closed as
 * unresolvable is listed without the manager's written reason — free text that may name the owner (no owner's
 * name or phone appears in a company statistic). The type checks at the end keep this schema and the shared
 * types the same shape: a field added to one and not the other fails `npm run typecheck` (a response schema
 * drops what it does not describe).
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox'
import { CATEGORIES, CHANNELS } from '../domain/reception'
import { SATISFACTION } from '../domain/reception-event'
import { AGE_BUCKETS, OPEN_QUEUES, PERIOD_KINDS, type PeriodFigures, type SiteStatistics, type UnresolvableCase } from '../domain/statistics'

const Count = Type.Integer({ minimum: 0 })
const counts = <K extends string>(keys: readonly K[]) => Type.Object(Object.fromEntries(keys.map((k) => [k, Count])) as Record<K, typeof Count>)
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()])
const Role = Type.Union([Type.Literal('supervisor'), Type.Literal('administrator'), Type.Literal('manager')])

export const PeriodSchema = Type.Object({
  kind: Type.Union(PERIOD_KINDS.map((k) => Type.Literal(k))),
  /** `YYYY-MM-DD`, site-local, included. */
  from: Type.String(),
  /** `YYYY-MM-DD`, site-local, included. */
  to: Type.String(),
})

const PeriodFiguresSchema = Type.Object({
  period: PeriodSchema,
  requests: Type.Object({ total: Count, byCategory: counts(CATEGORIES), byChannel: counts(CHANNELS), byDay: Type.Array(Type.Object({ date: Type.String(), count: Count })) }),
  completion: Type.Object({
    desk: Count,
    supervisor: Count,
    manager: Count,
    unresolvableEarly: Count,
    open: Count,
    openDesk: Count,
    openSupervisor: Count,
    completed: Count,
    medianMs: Nullable(Type.Number()),
    p90Ms: Nullable(Type.Number()),
  }),
  /** Closed as unresolvable: the reference, never the reason's words (above). */
  unresolvable: Type.Array(Type.Object({ ref: Type.String(), category: Type.Union(CATEGORIES.map((c) => Type.Literal(c))), receivedAt: Type.Integer(), closedAt: Type.Integer() })),
  complaints: Type.Object({ total: Count, inTime: Count, late: Count, overdue: Count, waiting: Count }),
  returnVisits: Type.Object({ due: Count, done: Count, awaiting: Count, satisfaction: counts(SATISFACTION) }),
  duty: Type.Object({ toAdministrator: Count, toSupervisor: Count, stillOpen: Count }),
  handovers: Type.Object({ total: Count, late: Count, mismatches: Count, mismatchedItems: Count, noShows: Count }),
  inspections: Type.Object({
    total: Count,
    byInspector: Type.Array(Type.Object({ staffId: Type.String(), role: Role, done: Count, required: Nullable(Count) })),
    nonconformities: Count,
    byItem: Type.Record(Type.String(), Count),
    byPerson: Type.Array(Type.Object({ staffId: Type.String(), count: Count })),
  }),
})

export const SiteStatisticsSchema = Type.Object({
  timezone: Type.String(),
  now: Type.Integer(),
  current: PeriodFiguresSchema,
  previous: PeriodFiguresSchema,
  openNow: Type.Object({ total: Count, byQueue: counts(OPEN_QUEUES), byAge: counts(AGE_BUCKETS), ageEdgesHours: Type.Tuple([Type.Number(), Type.Number(), Type.Number()]) }),
})

/** The company's sums of one period: counts add up across sites; medians and quotas do not, so are left out. */
const PeriodTotalSchema = Type.Object({
  requests: Count,
  byCategory: counts(CATEGORIES),
  byChannel: counts(CHANNELS),
  completion: Type.Object({ desk: Count, supervisor: Count, manager: Count, unresolvableEarly: Count, open: Count, openDesk: Count, openSupervisor: Count, completed: Count }),
  unresolvable: Count,
  complaints: PeriodFiguresSchema.properties.complaints,
  returnVisits: PeriodFiguresSchema.properties.returnVisits,
  duty: PeriodFiguresSchema.properties.duty,
  handovers: PeriodFiguresSchema.properties.handovers,
  /** Inspections done, and asked of the inspectors a quota applies to (the managers' ad hoc ones ask none). */
  inspections: Type.Object({ total: Count, required: Count, doneOfRequired: Count, nonconformities: Count }),
})
export type PeriodTotal = Static<typeof PeriodTotalSchema>

export const CompanyStatisticsSchema = Type.Object({
  period: PeriodSchema,
  previous: PeriodSchema,
  now: Type.Integer(),
  sites: Type.Array(Type.Object({ siteId: Type.String(), name: Type.String(), statistics: SiteStatisticsSchema })),
  total: Type.Object({ current: PeriodTotalSchema, previous: PeriodTotalSchema, openNow: Type.Object({ total: Count, byQueue: counts(OPEN_QUEUES) }) }),
})
export type CompanyStatistics = Static<typeof CompanyStatisticsSchema>
export type CompanySiteStatistics = CompanyStatistics['sites'][number]

/** A site's figures as the company sees them (no reason's words), in the shared types. */
export type CompanyFigures = Omit<SiteStatistics, 'current' | 'previous'> & { current: CompanyPeriodFigures; previous: CompanyPeriodFigures }
export type CompanyPeriodFigures = Omit<PeriodFigures, 'unresolvable'> & { unresolvable: Omit<UnresolvableCase, 'reason'>[] }

// Both ways: the schema describes exactly the shared figures (less the reason), so nothing is dropped unseen.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
type Loose<T> = T extends readonly (infer U)[] ? Loose<U>[] : T extends object ? { -readonly [K in keyof T]: Loose<T[K]> } : T
const schemaMatchesFigures: Same<Loose<Static<typeof SiteStatisticsSchema>>, Loose<CompanyFigures>> = true
void schemaMatchesFigures
