import { useI18n } from 'vue-i18n'
import { customerNameWithHonorific, type Honorific } from '@shared/domain/reception'

/**
 * A customer named as the register names them (陈女士; issue 10 point 17), for screens outside the
 * register that show its requests (the duty log, the handover). The words are the register's texts.
 */
export function useCustomerName(): (name: string, honorific: Honorific | undefined) => string {
  const { t } = useI18n()
  return (name, honorific) => customerNameWithHonorific(name, honorific ?? 'none', (key, params) => t(`registerPrint.${key}`, params))
}
