// Real IndexedDB semantics in Node for client tests (ARCHITECTURE "Tests").
import 'fake-indexeddb/auto'
import { afterEach } from 'vitest'
import { takeMissingTexts } from '@client/locales/missing-text'

// A text key without a message would reach the screen raw (issue 10 point 7): fail the test that showed it.
afterEach(() => {
  const missing = takeMissingTexts()
  if (missing.length) throw new Error(`texts missing from the locales:\n${missing.join('\n')}`)
})
