import type { RouteRecordRaw } from 'vue-router'
import { printRoutes } from './print/routes'

export const routes: RouteRecordRaw[] = [
  { path: '/register', name: 'register', component: () => import('./pages/RegisterListPage.vue'), meta: { section: 'register' } },
  { path: '/register/new', name: 'register-new', component: () => import('./pages/RegisterNewPage.vue'), meta: { section: 'register' } },
  { path: '/register/reviews', name: 'register-reviews', component: () => import('./pages/RegisterReviewsPage.vue'), meta: { section: 'register' } },
  { path: '/register/:id', name: 'register-item', component: () => import('./pages/RegisterDetailPage.vue'), meta: { section: 'register' } },
  ...printRoutes,
]
