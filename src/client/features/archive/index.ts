import type { RouteRecordRaw } from 'vue-router'
import { placeholderRoute } from '../../components/placeholder-route'

export const routes: RouteRecordRaw[] = [placeholderRoute('/archive', 'archive', 'archive')]
