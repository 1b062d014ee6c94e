/** The console's summary of a quarantined record (issue 10 point 13): readable, never an owner's phone or full name. */
import { describe, expect, it } from 'vitest'
import { glance, summarise } from '@server/admin/quarantine-summary'

describe('summarise', () => {
  const at = Date.UTC(2026, 11, 1, 2, 2)

  it.each<[string, string, Record<string, unknown>, Record<string, unknown> | null, ReturnType<typeof summarise>]>([
    [
      'a request: time, number, room, surname and honorific, the matter with its phone masked',
      'receptions',
      { receivedAt: at, ref: '20261201-A001', room: '3-1-1101', customerName: '陈丽', honorific: 'ms', phone: '13812345678', matter: '漏水,回电13812345678' },
      null,
      { at, ref: '20261201-A001', room: '3-1-1101', person: '陈女士', text: '漏水,回电138****5678' },
    ],
    ['a timeline event: its request’s number and room', 'receptionEvents', { at, note: '已派工', receptionId: 'r' }, { ref: '20261201-A001', room: '3-1-1101', customerName: '陈丽' }, { at, ref: '20261201-A001', room: '3-1-1101', person: '', text: '已派工' }],
    ['an owner in the archive: never the full name, never the phones', 'customers', { name: '王建国', honorific: 'mr', phones: ['13812345678'] }, null, { at: null, ref: '', room: '', person: '王先生', text: '' }],
    ['an owner’s signature', 'signatures', { signedAt: at, signerName: '陈丽', image: 'data:image/png;base64,AAAA' }, null, { at, ref: '', room: '', person: '陈某', text: '' }],
    ['a loan: the borrower masked, the phone left out', 'loans', { lentAt: at, item: '雨伞', borrower: '李四', room: '2-1-301', phone: '13900001111' }, null, { at, ref: '', room: '2-1-301', person: '李某', text: '雨伞' }],
    ['a staff member: the name (staff are not owners)', 'staff', { name: '李娜', pin: { hash: 'x' } }, null, { at: null, ref: '', room: '', person: '', text: '李娜' }],
    ['a table without a shape: nothing but its kind', 'inspectionPhotos', { image: 'data:image/jpeg;base64,AAAA', createdAt: at }, null, { at: null, ref: '', room: '', person: '', text: '' }],
    ['a time that is not a time', 'dutyEntries', { at: 'yesterday', content: '巡查' }, null, { at: null, ref: '', room: '', person: '', text: '巡查' }],
  ])('%s', (_what, table, fields, reception, summary) => {
    expect(summarise(table, fields, reception)).toEqual(summary)
  })
})

describe('glance', () => {
  it.each([
    ['a mobile number in any spacing', '请回电 138 1234 5678 或 +86 139-0000-1111', '请回电 138****5678 或 139****1111'],
    ['a landline', '座机 0571-88886666', '座机 057****6666'],
    ['short numbers stay: rooms, times', '3栋1101室 10:30 两人', '3栋1101室 10:30 两人'],
    ['a long text is cut to a glance', '字'.repeat(60), `${'字'.repeat(39)}…`],
    ['runs of spaces and new lines become one space', '一\n\n二   三', '一 二 三'],
  ])('%s', (_what, text, out) => {
    expect(glance(text)).toBe(out)
  })
})
