/**
 * What the console's admin API answers about sites and devices: one description for the server's
 * response schemas and the console page's types.
 */
import { Type, type Static } from '@sinclair/typebox'

export const SiteSummarySchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  timezone: Type.String(),
  createdAt: Type.Integer(),
  /** Tablets ever enrolled, revoked ones included. */
  devices: Type.Integer(),
})
export type SiteSummary = Static<typeof SiteSummarySchema>

export const DeviceSummarySchema = Type.Object({
  id: Type.String(),
  siteId: Type.String(),
  letter: Type.String(),
  name: Type.String(),
  /** A desk tablet, or a department's own (issue 10 point 12). */
  kind: Type.Union([Type.Literal('desk'), Type.Literal('department')]),
  /** The department a department tablet belongs to, by name; null for a desk tablet ('' if unknown). */
  department: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.Integer(),
  lastSeenAt: Type.Union([Type.Integer(), Type.Null()]),
  revokedAt: Type.Union([Type.Integer(), Type.Null()]),
})
export type DeviceSummary = Static<typeof DeviceSummarySchema>

/** A department of a site, for choosing the department of a department tablet's code. */
export const DepartmentSummarySchema = Type.Object({ id: Type.String(), name: Type.String(), active: Type.Boolean() })
export type DepartmentSummary = Static<typeof DepartmentSummarySchema>
