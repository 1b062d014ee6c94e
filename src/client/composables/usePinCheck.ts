import { useDb } from '../modules/db'
import { loginWithPin } from '../db/site/login'

/**
 * Who signs is who they say (篇2 4.3.4; the roster's signed steps): the signer's PIN checked on this tablet,
 * counted against the same throttle as the login. Null when right, else the text key of what is wrong.
 */
export function usePinCheck(): (staffId: string, pin: string) => Promise<string | null> {
  const db = useDb()
  return async (staffId, pin) => {
    const result = await loginWithPin(db, staffId, pin, Date.now())
    if (result.ok) return null
    return result.reason === 'throttled' ? 'login.throttledShort' : 'login.wrongPinNoFree'
  }
}
