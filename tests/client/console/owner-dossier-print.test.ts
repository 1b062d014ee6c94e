/**
 * The owner's print view (issue 14 point 4), printed to PDF for the owner: a sheet per kind of record, every
 * record of the owner on it in words (times in the site's timezone, the request as corrected), the
 * signatures drawn — and nothing of the brother in the same room.
 */
import { describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { newId } from '@shared/domain/ids'
import { ownerDossier } from '@shared/domain/owner-dossier'
import type { OwnerPrint } from '@shared/sync/owner-api'
import OwnerDossierPrint from '@client/features/console/print/OwnerDossierPrint.vue'
import { mountApp } from '../mount'
import { OWNER, ownerPair, pairSource } from '../../factories/owners'

describe('OwnerDossierPrint', () => {
  it('shows every record of the owner, sheet by sheet, and nothing of his brother', async () => {
    const staffId = newId()
    const pair = ownerPair(newId(), staffId)
    const dossier = ownerDossier(pairSource(pair), { phone: OWNER.phone, name: '', room: '' })
    const data = { site: { name: '翠苑小区', timezone: 'Asia/Shanghai' }, at: Date.UTC(2026, 11, 3, 2), dossier, staff: { [staffId]: '王管理' }, departments: {} } as unknown as OwnerPrint
    const { wrapper } = mountApp(OwnerDossierPrint, { props: { data } })
    await flushPromises()
    const sheets = wrapper.findAll('[data-sheet]').map((s) => s.attributes('data-sheet'))
    expect(sheets).toEqual(['customers', 'requests', 'events', 'loans', 'paidServices', 'signatures'])
    const text = wrapper.text()
    for (const r of pair.owner.receptions) expect(text).toContain(r.ref)
    expect(text).toContain('翠苑小区')
    expect(text).toContain('138 1234 5678') // the archive's phone, grouped
    expect(text).toContain('2026-11-20 13:00') // the third request, received at 05:00 UTC
    expect(text).toContain('已修好')
    expect(text).toContain('联系电话 → 13812345678;姓名 → 王建国') // the correction, in words
    expect(text).toContain('A000101')
    expect(text).toContain('王管理')
    expect(text).not.toMatch(/王建华|13987654321|李娜|A000102/)
    expect(wrapper.findAll('img.owner-print__signature').map((i) => i.attributes('alt'))).toEqual(['王建国 的签名'])
  })
})
