/**
 * First-run setup of a standalone tablet (issue 2 point 5): what the form must hold before
 * anything is written. Pure; the client shows each problem in the step it belongs to.
 */
import { duplicateNames } from '@shared/domain/department'
import { pinProblem, type PinProblem } from '@shared/domain/pin'
import type { Role } from '@shared/domain/role'
import { shiftProblems } from '@shared/domain/shift-type'
import { staffSetProblems } from '@shared/domain/staff'
import { isKnownTimezone, minutesOfDay } from '@shared/domain/time'

export interface SetupStaffInput {
  name: string
  role: Role
  /** Index into `departments`, for the department role. */
  departmentIndex: number | null
  pin: string
  pinAgain: string
}

export interface SetupInput {
  siteName: string
  timezone: string
  departments: { name: string }[]
  shiftTypes: { code: string; name: string; start: string; end: string }[]
  staff: SetupStaffInput[]
  deviceName: string
}

export type SetupStep = 'site' | 'departments' | 'shifts' | 'staff'

export interface SetupProblem {
  step: SetupStep
  /** i18n key under `setup.problems.` */
  key: string
  params?: Record<string, string>
  /** Which row of the step, when it is one row's problem. */
  row?: number
}

function siteProblems(input: SetupInput): SetupProblem[] {
  const out: SetupProblem[] = []
  if (!input.siteName.trim()) out.push({ step: 'site', key: 'siteNameRequired' })
  if (!isKnownTimezone(input.timezone)) out.push({ step: 'site', key: 'timezoneUnknown' })
  return out
}

function departmentProblems(input: SetupInput): SetupProblem[] {
  const out: SetupProblem[] = []
  if (!input.departments.length) out.push({ step: 'departments', key: 'departmentRequired' })
  input.departments.forEach((d, row) => {
    if (!d.name.trim()) out.push({ step: 'departments', key: 'departmentNameRequired', row })
  })
  for (const name of duplicateNames(input.departments.map((d) => d.name)).filter(Boolean)) {
    out.push({ step: 'departments', key: 'departmentDuplicate', params: { name } })
  }
  return out
}

function shiftStepProblems(input: SetupInput): SetupProblem[] {
  const out: SetupProblem[] = []
  input.shiftTypes.forEach((s, row) => {
    if (!s.name.trim() || !s.code.trim()) out.push({ step: 'shifts', key: 'shiftNameRequired', row })
    if (Number.isNaN(minutesOfDay(s.start)) || Number.isNaN(minutesOfDay(s.end))) out.push({ step: 'shifts', key: 'shiftTimeInvalid', row })
  })
  if (out.length) return out
  for (const p of shiftProblems(input.shiftTypes.map((s) => ({ ...s, active: true })))) {
    if (p.code === 'noneActive') out.push({ step: 'shifts', key: 'shiftNoneActive' })
    if (p.code === 'duplicateCode') out.push({ step: 'shifts', key: 'shiftDuplicateCode', params: { code: p.shiftCode } })
    if (p.code === 'overlap') out.push({ step: 'shifts', key: 'shiftOverlap', params: { a: p.a, b: p.b } })
  }
  return out
}

const STAFF_SET_KEYS = {
  noManagerOfSettings: 'staffNoManagerOfSettings',
  duplicateName: 'staffDuplicateName',
  departmentMissing: 'staffDepartmentMissing',
} as const

function staffProblems(input: SetupInput): SetupProblem[] {
  const out: SetupProblem[] = []
  if (!input.staff.length) out.push({ step: 'staff', key: 'staffRequired' })
  input.staff.forEach((s, row) => {
    if (!s.name.trim()) out.push({ step: 'staff', key: 'staffNameRequired', row })
    const pin: PinProblem | null = pinProblem(s.pin)
    if (pin) out.push({ step: 'staff', key: `pin.${pin}`, row })
    else if (s.pin !== s.pinAgain) out.push({ step: 'staff', key: 'pinMismatch', row })
  })
  const set = staffSetProblems(
    input.staff.map((s) => ({
      name: s.name,
      role: s.role,
      departmentId: s.departmentIndex !== null && input.departments[s.departmentIndex] ? String(s.departmentIndex) : null,
      active: true,
    })),
  )
  for (const p of set) out.push({ step: 'staff', key: STAFF_SET_KEYS[p] })
  return out
}

/** Every problem of the setup form, in step order. Empty means it can be saved. */
export function setupProblems(input: SetupInput): SetupProblem[] {
  return [...siteProblems(input), ...departmentProblems(input), ...shiftStepProblems(input), ...staffProblems(input)]
}

/** The problems of one step, so the form can stop there before moving on. */
export function stepProblems(input: SetupInput, step: SetupStep): SetupProblem[] {
  return setupProblems(input).filter((p) => p.step === step)
}
