import { createApp } from 'vue'
import { createPinia } from 'pinia'
import * as Icons from '@element-plus/icons-vue'
import 'element-plus/theme-chalk/dark/css-vars.css'
import 'element-plus/es/components/message/style/css'
import 'element-plus/es/components/message-box/style/css'
import 'element-plus/es/components/notification/style/css'
import './styles.css'
import App from './App.vue'
import { router } from './router'
import { i18n } from './locales'
import { setUnauthorizedHandler } from './api/client'
import { useSession } from './stores/session'

const app = createApp(App)
for (const [name, component] of Object.entries(Icons)) app.component(name, component)
app.use(createPinia())
app.use(router)
app.use(i18n)

// A session that expired while the page was open: back to the login page, then to where the
// user was.
setUnauthorizedHandler(() => {
  useSession().forget()
  const here = router.currentRoute.value
  if (!here.meta.public) void router.push({ name: 'login', query: { next: here.fullPath, expired: '1' } })
})

app.mount('#app')
