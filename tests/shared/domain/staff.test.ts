import { describe, expect, it } from 'vitest'
import { StaffSchema, staffCard, staffSetProblems, type Staff, type StaffSetProblem } from '@shared/domain/staff'
import { newId } from '@shared/domain/ids'
import { isValid } from '@shared/domain/validation'
import { makeStaff } from '../../factories/site'

describe('staffCard', () => {
  it('keeps everything but the PIN verifier', () => {
    const staff = makeStaff({ name: '王芳', role: 'supervisor' })
    const card = staffCard(staff)
    expect(card).not.toHaveProperty('pin')
    expect(card).toEqual({ id: staff.id, siteId: staff.siteId, name: '王芳', role: 'supervisor', departmentId: null, active: true })
    expect(JSON.stringify(card)).not.toContain(staff.pin.hash)
  })

  it('leaves the staff record itself untouched', () => {
    const staff = makeStaff()
    staffCard(staff)
    expect(staff.pin).toBeDefined()
    expect(isValid(StaffSchema, staff)).toBe(true)
  })
})

describe('staffSetProblems', () => {
  type Row = Pick<Staff, 'name' | 'role' | 'departmentId' | 'active'>
  const row = (name: string, role: Staff['role'], extra: Partial<Row> = {}): Row => ({ name, role, departmentId: null, active: true, ...extra })
  const dept = newId()

  it.each<{ name: string; staff: Row[]; problems: StaffSetProblem[] }>([
    { name: 'an administrator and an assistant: none', staff: [row('李娜', 'administrator'), row('王芳', 'assistant')], problems: [] },
    { name: 'company IT may be the one who manages settings', staff: [row('张伟', 'admin')], problems: [] },
    { name: 'a department member with a department: none', staff: [row('李娜', 'administrator'), row('赵强', 'department', { departmentId: dept })], problems: [] },
    { name: 'nobody', staff: [], problems: ['noManagerOfSettings'] },
    {
      name: 'no administrator or admin (a supervisor and a manager cannot manage settings)',
      staff: [row('王芳', 'supervisor'), row('刘洋', 'manager')],
      problems: ['noManagerOfSettings'],
    },
    { name: 'the only administrator is inactive', staff: [row('李娜', 'administrator', { active: false }), row('王芳', 'assistant')], problems: ['noManagerOfSettings'] },
    { name: 'a name twice', staff: [row('李娜', 'administrator'), row('李娜', 'assistant')], problems: ['duplicateName'] },
    { name: 'a name twice, once with spaces', staff: [row('李娜', 'administrator'), row(' 李娜 ', 'assistant')], problems: ['duplicateName'] },
    { name: 'a name shared with an inactive member: none', staff: [row('李娜', 'administrator'), row('李娜', 'assistant', { active: false })], problems: [] },
    { name: 'a department member without a department', staff: [row('李娜', 'administrator'), row('赵强', 'department')], problems: ['departmentMissing'] },
    {
      name: 'an inactive department member without a department: none',
      staff: [row('李娜', 'administrator'), row('赵强', 'department', { active: false })],
      problems: [],
    },
    {
      name: 'everything wrong at once, in order',
      staff: [row('赵强', 'department'), row('赵强', 'assistant')],
      problems: ['noManagerOfSettings', 'duplicateName', 'departmentMissing'],
    },
  ])('$name', ({ staff, problems }) => {
    expect(staffSetProblems(staff)).toEqual(problems)
  })
})
