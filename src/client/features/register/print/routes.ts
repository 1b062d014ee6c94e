import type { RouteRecordRaw } from 'vue-router'

/** Print views of the register (issue 4 point 7); the reception feature's index.ts spreads them into its routes. */
export const printRoutes: RouteRecordRaw[] = [
  {
    path: '/print/register',
    name: 'print-register',
    component: () => import('./RegisterPrint.vue'),
    meta: { section: 'register', layout: 'print' },
  },
  {
    path: '/print/register/blank',
    name: 'print-register-blank',
    component: () => import('./RegisterBlankPrint.vue'),
    meta: { section: 'register', layout: 'print' },
  },
  {
    path: '/print/register/:id',
    name: 'print-register-record',
    component: () => import('./ReceptionRecordPrint.vue'),
    meta: { section: 'register', layout: 'print' },
  },
]
