// The app's messages: every file in this folder (other than this one) exports
// `{ zh: {...}, en: {...} }` for its part of the app; they are merged here. Chinese is the
// default; the English switch is in the top bar and on the login page.
import { createI18n } from 'vue-i18n'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Messages = Record<string, any>
const modules = import.meta.glob<{ default: { zh: Messages; en: Messages } }>('./*.ts', { eager: true })

const zh: Messages = {}
const en: Messages = {}
for (const [path, module] of Object.entries(modules)) {
  if (path === './index.ts') continue
  Object.assign(zh, module.default.zh)
  Object.assign(en, module.default.en)
}

export type Locale = 'zh-CN' | 'en'

export function savedLocale(): Locale {
  return localStorage.getItem('faxian.locale') === 'en' ? 'en' : 'zh-CN'
}

export const i18n = createI18n<false>({
  legacy: false,
  locale: savedLocale(),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zh, en },
})

export function setLocale(locale: Locale): void {
  ;(i18n.global.locale as unknown as { value: string }).value = locale
  localStorage.setItem('faxian.locale', locale)
  document.documentElement.lang = locale
}
