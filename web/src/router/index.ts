import { createRouter, createWebHistory } from 'vue-router'
import { routes } from './routes'
import { useSession } from '@/stores/session'

export const router = createRouter({ history: createWebHistory(), routes })

// Logged-in pages need a session; an account with an initial password goes to the password
// page first; a page of another role sends its user home.
router.beforeEach(async (to) => {
  if (to.meta.public) return true
  const session = useSession()
  if (!session.loaded) await session.load()
  if (!session.me) return { name: 'login', query: to.fullPath !== '/' ? { next: to.fullPath } : {} }
  if (session.me.must_change_password && !to.meta.beforePasswordChange) return { name: 'password' }
  if (to.meta.roles && !to.meta.roles.includes(session.me.role)) return { name: 'home' }
  return true
})
