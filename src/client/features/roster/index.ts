import type { RouteRecordRaw } from 'vue-router'
import { placeholderRoute } from '@client/components/placeholder-route'

export const routes: RouteRecordRaw[] = [placeholderRoute('/roster', 'roster', 'roster')]
