/**
 * The texts as the app loads them (issue 17): the first screens' in the entry, the rest in parts before the
 * first route that shows them — the same texts in the end as the eager merge the other tests read.
 */
import { describe, expect, it } from 'vitest'
import { MESSAGES } from '@client/locales/messages'
import { FIRST_SCREEN_MESSAGES, loadMessages } from '@client/locales/load'
import { applyLocale, createAppI18n, FIRST_SCREEN_ROUTES, loadTextsBeforeRoutes } from '@client/modules/i18n'
import { createAppRouter } from '@client/router'
import { makeStaff } from '../factories/site'
import { signedIn } from './mount'

describe('loading the texts in parts', () => {
  it('gives every text of each language, as the eager merge has them', async () => {
    expect(await loadMessages('zh-CN')).toEqual(MESSAGES['zh-CN'])
    expect(await loadMessages('en')).toEqual(MESSAGES.en)
  })

  it('starts with the app’s own Chinese texts only: no feature’s', () => {
    expect(Object.keys(FIRST_SCREEN_MESSAGES)).toEqual(expect.arrayContaining(['setup', 'login', 'errors']))
    expect(FIRST_SCREEN_MESSAGES).not.toHaveProperty('register')
    expect(FIRST_SCREEN_ROUTES).toEqual(['setup', 'enrol', 'login'])
  })

  it('loads every text before a route other than the first screens resolves', async () => {
    const pinia = signedIn('site-1', makeStaff({ siteId: 'site-1', role: 'administrator' }))
    const i18n = createAppI18n('zh-CN')
    const router = createAppRouter(pinia, true)
    loadTextsBeforeRoutes(router, i18n)
    expect(i18n.global.te('register.title')).toBe(false)
    await router.push({ name: 'register' })
    expect(router.currentRoute.value.name).toBe('register')
    expect(i18n.global.te('register.title')).toBe(true)
  })

  it('switches to English with all its texts', async () => {
    const i18n = createAppI18n('zh-CN')
    await applyLocale(i18n, 'en')
    expect(i18n.global.locale.value).toBe('en')
    expect(i18n.global.t('register.title')).toBe((MESSAGES.en as { register: { title: string } }).register.title)
  })
})
