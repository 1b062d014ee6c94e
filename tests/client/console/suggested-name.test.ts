/** The name an export is saved under: the server's UTF-8 name (the site's name is Chinese), else the plain one. */
import { describe, expect, it } from 'vitest'
import { suggestedName } from '@client/features/console/composables/useConsoleApi'

describe('suggestedName', () => {
  it('takes the UTF-8 name, then the plain one, then the fallback', () => {
    const name = '翠苑小区-数据导出-2026-12-02.json'
    expect(suggestedName(`attachment; filename="deskbook-export.json"; filename*=UTF-8''${encodeURIComponent(name)}`, 'x.json')).toBe(name)
    expect(suggestedName('attachment; filename="deskbook-export.xlsx"', 'x.xlsx')).toBe('deskbook-export.xlsx')
    expect(suggestedName(`attachment; filename="plain.json"; filename*=UTF-8''%E0%A4%A`, 'x.json')).toBe('plain.json')
    expect(suggestedName(null, 'x.json')).toBe('x.json')
  })
})
