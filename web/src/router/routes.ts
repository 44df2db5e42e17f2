// Every page of 60-ui.md, who may open it (the server enforces the same; this only keeps the
// menu honest) and where it sits in the left menu.
import type { RouteRecordRaw } from 'vue-router'
import type { Role } from '@/api/types'

const county: Role[] = ['county_admin', 'county_officer']
const all: Role[] = [
  'county_admin', 'county_officer', 'township_officer', 'village_coordinator',
  'hotline_operator', 'department_liaison', 'auditor',
]

declare module 'vue-router' {
  interface RouteMeta {
    public?: boolean // no login (the public pages, the login page)
    roles?: Role[] // who may open it; absent = every logged-in role
    menu?: string // the nav.* key of its left-menu entry
    icon?: string // Element Plus icon name
    phone?: boolean // laid out for a 390×844 phone too
    beforePasswordChange?: boolean
  }
}

export const appRoutes: RouteRecordRaw[] = [
  { path: '', name: 'home', component: () => import('@/views/home/HomeView.vue'), meta: { menu: 'home', icon: 'HomeFilled', roles: all } },
  { path: 'supervision', name: 'supervision', component: () => import('@/views/supervision/SupervisionView.vue'), meta: { menu: 'supervision', icon: 'DataAnalysis', roles: [...county, 'auditor'] } },
  { path: 'leads', name: 'leads', component: () => import('@/views/leads/LeadsView.vue'), meta: { menu: 'leads', icon: 'Bell', roles: [...county, 'township_officer', 'auditor'] } },
  { path: 'leads/:leadNo', name: 'lead', component: () => import('@/views/leads/LeadDetailView.vue'), props: true, meta: { roles: [...county, 'township_officer', 'auditor', 'village_coordinator', 'hotline_operator'] } },
  { path: 'households', name: 'households', component: () => import('@/views/households/HouseholdSearchView.vue'), meta: { menu: 'households', icon: 'House', roles: [...county, 'township_officer', 'village_coordinator', 'auditor'], phone: true } },
  { path: 'households/:householdNo', name: 'household', component: () => import('@/views/households/HouseholdView.vue'), props: true, meta: { roles: [...county, 'township_officer', 'village_coordinator', 'auditor', 'hotline_operator'], phone: true } },
  { path: 'applications', name: 'applications', component: () => import('@/views/applications/ApplicationsView.vue'), meta: { menu: 'applications', icon: 'Document', roles: [...county, 'township_officer', 'auditor'] } },
  { path: 'applications/:applicationNo', name: 'application', component: () => import('@/views/applications/ApplicationDetailView.vue'), props: true, meta: { roles: [...county, 'township_officer', 'auditor'] } },
  { path: 'coordination', name: 'coordination', component: () => import('@/views/coordination/CoordinationView.vue'), meta: { menu: 'coordination', icon: 'Connection', roles: [...county, 'auditor', 'department_liaison'] } },
  { path: 'referrals', name: 'referrals', component: () => import('@/views/referrals/ReferralsView.vue'), meta: { menu: 'referrals', icon: 'Promotion', roles: [...county, 'township_officer', 'department_liaison', 'auditor'] } },
  { path: 'visits', name: 'visits', component: () => import('@/views/visits/VisitsView.vue'), meta: { menu: 'visits', icon: 'Location', roles: ['village_coordinator', 'township_officer'], phone: true } },
  { path: 'campaigns', name: 'campaigns', component: () => import('@/views/campaigns/CampaignsView.vue'), meta: { menu: 'campaigns', icon: 'Flag', roles: [...county, 'township_officer', 'village_coordinator', 'auditor'], phone: true } },
  { path: 'hotline', name: 'hotline', component: () => import('@/views/hotline/HotlineView.vue'), meta: { menu: 'hotline', icon: 'Phone', roles: ['hotline_operator', ...county] } },
  { path: 'imports', name: 'imports', component: () => import('@/views/imports/ImportsView.vue'), meta: { menu: 'imports', icon: 'Upload', roles: ['department_liaison', 'county_admin', 'county_officer'] } },
  { path: 'rules', name: 'rules', component: () => import('@/views/rules/RulesView.vue'), meta: { menu: 'rules', icon: 'Operation', roles: [...county, 'auditor'] } },
  { path: 'reports', name: 'reports', component: () => import('@/views/reports/ReportsView.vue'), meta: { menu: 'reports', icon: 'Histogram', roles: [...county, 'auditor'] } },
  { path: 'settings', name: 'settings', component: () => import('@/views/settings/SettingsView.vue'), meta: { menu: 'settings', icon: 'Setting', roles: ['county_admin'] } },
  { path: 'audit', name: 'audit', component: () => import('@/views/audit/AuditView.vue'), meta: { menu: 'audit', icon: 'Tickets', roles: ['county_admin', 'auditor'] } },
  { path: 'password', name: 'password', component: () => import('@/views/login/PasswordView.vue'), meta: { beforePasswordChange: true, roles: all } },
]

export const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: () => import('@/views/login/LoginView.vue'), meta: { public: true } },
  {
    path: '/public',
    component: () => import('@/layouts/PublicLayout.vue'),
    meta: { public: true },
    children: [
      { path: '', redirect: '/public/report' },
      { path: 'report', name: 'public-report', component: () => import('@/views/public/PublicReportView.vue'), meta: { public: true, phone: true } },
      { path: 'status', name: 'public-status', component: () => import('@/views/public/PublicStatusView.vue'), meta: { public: true, phone: true } },
      { path: 'policy', name: 'public-policy', component: () => import('@/views/public/PublicPolicyView.vue'), meta: { public: true, phone: true } },
    ],
  },
  { path: '/', component: () => import('@/layouts/AppLayout.vue'), children: appRoutes },
  { path: '/:rest(.*)*', name: 'not-found', component: () => import('@/views/NotFoundView.vue'), meta: { public: true } },
]
