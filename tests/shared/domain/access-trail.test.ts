/** The trail's texts never hold a phone (issue 14 point 2): what counts as one. */
import { describe, expect, it } from 'vitest'
import { holdsPhone } from '@shared/domain/access-trail'

describe('holdsPhone', () => {
  it.each([
    ['13800138000', true],
    ['138 0013 8000', true],
    ['138-0013-8000', true],
    ['陈女士 15912345678 来电', true],
    ['021-62345678', true],
    ['0571 88776655', true],
    ['接待登记 20261201-A003', false],
    ['接待登记 2026-12-01 至 2026-12-31', false],
    ['接待登记 2026年12月', false],
    ['项目数据 JSON(含业主电话)', false],
    ['1380013800', false],
  ])('%s → %s', (text, want) => {
    expect(holdsPhone(text)).toBe(want)
  })
})
