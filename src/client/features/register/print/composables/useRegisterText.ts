import { useI18n } from 'vue-i18n'
import type { Translate } from '@client/locales/translate'

/** The translator the pure register builders take: keys under `registerPrint`. */
export function useRegisterText(): Translate {
  const { t } = useI18n()
  return (key, params) => t(`registerPrint.${key}`, params ?? {})
}
