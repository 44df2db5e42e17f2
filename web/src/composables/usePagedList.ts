// A paginated, filtered list of the API (`{items, page, page_size, total}`): the page, its
// loading state and error, reloaded when the filters change.
import { reactive, ref, watch } from 'vue'
import { api, type Page, errorMessage } from '@/api/client'

export function usePagedList<T, F extends Record<string, string | number | boolean | undefined>>(
  path: string | (() => string),
  filters: F,
  pageSize = 20,
) {
  const items = ref<T[]>([]) as { value: T[] }
  const total = ref(0)
  const loading = ref(false)
  const error = ref('')
  const paging = reactive({ page: 1, page_size: pageSize })

  async function load() {
    loading.value = true
    error.value = ''
    try {
      const reply = await api.get<Page<T>>(typeof path === 'string' ? path : path(), { ...filters, ...paging })
      items.value = reply.items
      total.value = reply.total
    } catch (e) {
      error.value = errorMessage(e)
      items.value = []
      total.value = 0
    } finally {
      loading.value = false
    }
  }

  watch(filters, () => {
    paging.page = 1
    void load()
  })
  watch(() => [paging.page, paging.page_size], () => void load())

  return { items, total, loading, error, paging, load }
}
