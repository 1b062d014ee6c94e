import type { RouteRecordRaw } from 'vue-router'
import TodayPage from './pages/TodayPage.vue'

export const routes: RouteRecordRaw[] = [{ path: '/today', name: 'today', component: TodayPage, meta: { section: 'today' } }]
