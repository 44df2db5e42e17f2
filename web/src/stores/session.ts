// Who is logged in: the session's user, kept in memory and re-read from GET /api/v1/me when the
// page reloads (the session itself is the server's HttpOnly cookie).
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { api, setCsrfToken } from '@/api/client'
import type { LoginReply, Me, Role } from '@/api/types'

export const useSession = defineStore('session', () => {
  const me = ref<Me | null>(null)
  const loaded = ref(false)

  async function load(): Promise<Me | null> {
    try {
      me.value = await api.get<Me>('/api/v1/me')
      if (me.value.csrf_token) setCsrfToken(me.value.csrf_token)
    } catch {
      me.value = null
    }
    loaded.value = true
    return me.value
  }

  async function login(username: string, password: string): Promise<Me> {
    const reply = await api.post<LoginReply>('/api/v1/session', { username, password })
    setCsrfToken(reply.csrf_token)
    const loadedMe = await load()
    if (loadedMe) return loadedMe
    return {
      username: reply.user,
      display_name: reply.display_name,
      role: reply.role,
      region: reply.region,
      department: reply.department,
      must_change_password: reply.must_change_password,
    }
  }

  async function logout(): Promise<void> {
    try {
      await api.del('/api/v1/session')
    } finally {
      forget()
    }
  }

  function forget(): void {
    me.value = null
    setCsrfToken('')
  }

  const role = computed<Role | null>(() => me.value?.role ?? null)
  const hasRole = (...roles: Role[]) => role.value !== null && roles.includes(role.value)

  return { me, loaded, role, load, login, logout, forget, hasRole }
})
