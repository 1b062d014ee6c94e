import { describe, expect, it } from 'vitest'
import { setupProblems, stepProblems, type SetupInput, type SetupProblem, type SetupStaffInput, type SetupStep } from '@client/db/site/site-setup'

function staff(overrides: Partial<SetupStaffInput> = {}): SetupStaffInput {
  return { name: '李娜', role: 'administrator', departmentIndex: null, pin: '2580', pinAgain: '2580', ...overrides }
}

function makeSetup(overrides: Partial<SetupInput> = {}): SetupInput {
  return {
    siteName: '锦绣花园',
    timezone: 'Asia/Shanghai',
    departments: [{ name: '工程部' }, { name: '秩序部' }],
    shiftTypes: [
      { code: '白', name: '白班', start: '08:00', end: '20:00' },
      { code: '夜', name: '夜班', start: '20:00', end: '08:00' },
    ],
    staff: [staff(), staff({ name: '王芳', role: 'assistant', pin: '1357', pinAgain: '1357' }), staff({ name: '赵强', role: 'department', departmentIndex: 0, pin: '13579', pinAgain: '13579' })],
    deviceName: '前台平板',
    ...overrides,
  }
}

const STEPS: SetupStep[] = ['site', 'departments', 'shifts', 'staff']

describe('setupProblems', () => {
  it('finds nothing wrong with a complete setup', () => {
    expect(setupProblems(makeSetup())).toEqual([])
  })

  it.each<{ name: string; input: Partial<SetupInput>; problems: SetupProblem[] }>([
    // Site.
    { name: 'an empty site name', input: { siteName: '' }, problems: [{ step: 'site', key: 'siteNameRequired' }] },
    { name: 'a site name of spaces', input: { siteName: '  \u3000' }, problems: [{ step: 'site', key: 'siteNameRequired' }] },
    { name: 'an unknown timezone', input: { timezone: 'Asia/Beijing' }, problems: [{ step: 'site', key: 'timezoneUnknown' }] },
    { name: 'an empty timezone', input: { timezone: '' }, problems: [{ step: 'site', key: 'timezoneUnknown' }] },
    // Departments.
    {
      name: 'no departments (the department member then has none either)',
      input: { departments: [] },
      problems: [
        { step: 'departments', key: 'departmentRequired' },
        { step: 'staff', key: 'staffDepartmentMissing' },
      ],
    },
    {
      name: 'a blank department name',
      input: { departments: [{ name: '工程部' }, { name: ' ' }] },
      problems: [{ step: 'departments', key: 'departmentNameRequired', row: 1 }],
    },
    {
      name: 'two blank department names: one problem each, no duplicate',
      input: { departments: [{ name: '工程部' }, { name: '' }, { name: ' ' }] },
      problems: [
        { step: 'departments', key: 'departmentNameRequired', row: 1 },
        { step: 'departments', key: 'departmentNameRequired', row: 2 },
      ],
    },
    {
      name: 'a department named twice, once with spaces',
      input: { departments: [{ name: '工程部' }, { name: '秩序部' }, { name: ' 工程部' }] },
      problems: [{ step: 'departments', key: 'departmentDuplicate', params: { name: '工程部' } }],
    },
    // Shifts.
    {
      name: 'a shift without a name',
      input: { shiftTypes: [{ code: '白', name: ' ', start: '08:00', end: '20:00' }] },
      problems: [{ step: 'shifts', key: 'shiftNameRequired', row: 0 }],
    },
    {
      name: 'a shift without a code',
      input: { shiftTypes: [{ code: '白', name: '白班', start: '08:00', end: '20:00' }, { code: '', name: '夜班', start: '20:00', end: '08:00' }] },
      problems: [{ step: 'shifts', key: 'shiftNameRequired', row: 1 }],
    },
    {
      name: 'a malformed start time',
      input: { shiftTypes: [{ code: '白', name: '白班', start: '8:00', end: '20:00' }] },
      problems: [{ step: 'shifts', key: 'shiftTimeInvalid', row: 0 }],
    },
    {
      name: 'an end time of 24:00',
      input: { shiftTypes: [{ code: '白', name: '白班', start: '08:00', end: '20:00' }, { code: '夜', name: '夜班', start: '20:00', end: '24:00' }] },
      problems: [{ step: 'shifts', key: 'shiftTimeInvalid', row: 1 }],
    },
    {
      name: 'a nameless shift with a bad time: both, and no overlap check yet',
      input: {
        shiftTypes: [
          { code: '', name: '', start: '', end: '' },
          { code: '白', name: '白班', start: '08:00', end: '20:00' },
          { code: '白', name: '中班', start: '12:00', end: '21:00' },
        ],
      },
      problems: [
        { step: 'shifts', key: 'shiftNameRequired', row: 0 },
        { step: 'shifts', key: 'shiftTimeInvalid', row: 0 },
      ],
    },
    { name: 'no shifts', input: { shiftTypes: [] }, problems: [{ step: 'shifts', key: 'shiftNoneActive' }] },
    {
      name: 'a shift code used twice',
      input: { shiftTypes: [{ code: '白', name: '早班', start: '08:00', end: '14:00' }, { code: '白', name: '午班', start: '14:00', end: '20:00' }] },
      problems: [{ step: 'shifts', key: 'shiftDuplicateCode', params: { code: '白' } }],
    },
    {
      name: 'overlapping shifts',
      input: { shiftTypes: [{ code: '夜', name: '夜班', start: '20:00', end: '08:00' }, { code: '早', name: '早班', start: '06:00', end: '14:00' }] },
      problems: [{ step: 'shifts', key: 'shiftOverlap', params: { a: '夜班', b: '早班' } }],
    },
    // Staff.
    {
      name: 'no staff',
      input: { staff: [] },
      problems: [
        { step: 'staff', key: 'staffRequired' },
        { step: 'staff', key: 'staffNoManagerOfSettings' },
      ],
    },
    {
      name: 'a staff member without a name',
      input: { staff: [staff(), staff({ name: '  ', role: 'assistant' })] },
      problems: [{ step: 'staff', key: 'staffNameRequired', row: 1 }],
    },
    { name: 'a PIN with letters', input: { staff: [staff({ pin: '25a0', pinAgain: '25a0' })] }, problems: [{ step: 'staff', key: 'pin.notDigits', row: 0 }] },
    { name: 'a short PIN', input: { staff: [staff({ pin: '258', pinAgain: '258' })] }, problems: [{ step: 'staff', key: 'pin.tooShort', row: 0 }] },
    { name: 'an empty PIN', input: { staff: [staff({ pin: '', pinAgain: '' })] }, problems: [{ step: 'staff', key: 'pin.tooShort', row: 0 }] },
    { name: 'a long PIN', input: { staff: [staff({ pin: '258013579', pinAgain: '258013579' })] }, problems: [{ step: 'staff', key: 'pin.tooLong', row: 0 }] },
    { name: 'a simple PIN', input: { staff: [staff({ pin: '1234', pinAgain: '1234' })] }, problems: [{ step: 'staff', key: 'pin.tooSimple', row: 0 }] },
    {
      name: 'a PIN typed differently the second time',
      input: { staff: [staff(), staff({ name: '王芳', role: 'assistant', pin: '1357', pinAgain: '1358' })] },
      problems: [{ step: 'staff', key: 'pinMismatch', row: 1 }],
    },
    {
      name: 'a bad PIN is reported, not also a mismatch',
      input: { staff: [staff({ pin: '1111', pinAgain: '2222' })] },
      problems: [{ step: 'staff', key: 'pin.tooSimple', row: 0 }],
    },
    {
      name: 'nobody who may manage settings',
      input: { staff: [staff({ role: 'supervisor' }), staff({ name: '王芳', role: 'assistant' })] },
      problems: [{ step: 'staff', key: 'staffNoManagerOfSettings' }],
    },
    {
      name: 'two staff with the same name',
      input: { staff: [staff(), staff({ name: '李娜 ', role: 'assistant' })] },
      problems: [{ step: 'staff', key: 'staffDuplicateName' }],
    },
    {
      name: 'a department member without a department',
      input: { staff: [staff(), staff({ name: '赵强', role: 'department', departmentIndex: null })] },
      problems: [{ step: 'staff', key: 'staffDepartmentMissing' }],
    },
    {
      name: 'a department member pointing past the department list',
      input: { staff: [staff(), staff({ name: '赵强', role: 'department', departmentIndex: 2 })] },
      problems: [{ step: 'staff', key: 'staffDepartmentMissing' }],
    },
  ])('reports $name', ({ input, problems }) => {
    expect(setupProblems(makeSetup(input))).toEqual(problems)
  })

  it('accepts the second department (index 1) for a department member', () => {
    expect(setupProblems(makeSetup({ staff: [staff(), staff({ name: '赵强', role: 'department', departmentIndex: 1 })] }))).toEqual([])
  })

  it('lists the problems of every step in step order', () => {
    const input = makeSetup({ siteName: '', departments: [{ name: '' }], shiftTypes: [], staff: [] })
    expect(setupProblems(input).map((p) => `${p.step}:${p.key}`)).toEqual([
      'site:siteNameRequired',
      'departments:departmentNameRequired',
      'shifts:shiftNoneActive',
      'staff:staffRequired',
      'staff:staffNoManagerOfSettings',
    ])
  })
})

describe('stepProblems', () => {
  const broken = makeSetup({
    siteName: ' ',
    timezone: 'Nowhere/Else',
    departments: [{ name: '工程部' }, { name: '工程部' }],
    shiftTypes: [{ code: '白', name: '白班', start: '08:00', end: '25:00' }],
    staff: [staff({ role: 'assistant', pin: '4321', pinAgain: '4321' })],
  })

  it.each<{ step: SetupStep; keys: string[] }>([
    { step: 'site', keys: ['siteNameRequired', 'timezoneUnknown'] },
    { step: 'departments', keys: ['departmentDuplicate'] },
    { step: 'shifts', keys: ['shiftTimeInvalid'] },
    { step: 'staff', keys: ['pin.tooSimple', 'staffNoManagerOfSettings'] },
  ])('gives only the problems of the $step step', ({ step, keys }) => {
    const found = stepProblems(broken, step)
    expect(found.map((p) => p.key)).toEqual(keys)
    expect(found.every((p) => p.step === step)).toBe(true)
  })

  it('adds up to every problem of the form', () => {
    expect(STEPS.flatMap((step) => stepProblems(broken, step))).toEqual(setupProblems(broken))
  })

  it.each(STEPS)('finds nothing in the %s step of a complete setup', (step) => {
    expect(stepProblems(makeSetup(), step)).toEqual([])
  })

  it('lets an earlier step pass while a later one fails', () => {
    const input = makeSetup({ staff: [] })
    expect(stepProblems(input, 'site')).toEqual([])
    expect(stepProblems(input, 'shifts')).toEqual([])
    expect(stepProblems(input, 'staff')).not.toEqual([])
  })
})
