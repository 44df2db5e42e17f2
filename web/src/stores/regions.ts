// The region tree of the caller's area (GET /api/v1/regions), loaded once, for names of codes
// and township/village pickers.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { api } from '@/api/client'

export interface Region {
  code: string
  name: string
  level: 'county' | 'township' | 'village'
  parent_code: string | null
  children: Region[]
}

export const useRegions = defineStore('regions', () => {
  const tree = ref<Region[]>([])
  const byCode = ref(new Map<string, Region>())
  let loading: Promise<void> | null = null

  function index(regions: Region[]) {
    for (const region of regions) {
      byCode.value.set(region.code, region)
      index(region.children ?? [])
    }
  }

  function load(): Promise<void> {
    if (!loading) {
      loading = api
        .get<{ items: Region[] }>('/api/v1/regions')
        .then((reply) => {
          tree.value = reply.items
          index(reply.items)
        })
        .catch(() => {
          loading = null
        })
    }
    return loading
  }

  const name = (code: string | null | undefined) => (code ? byCode.value.get(code)?.name ?? code : '')
  const townships = computed(() => [...byCode.value.values()].filter((r) => r.level === 'township'))
  const villagesOf = (township: string) => byCode.value.get(township)?.children ?? []

  return { tree, load, name, townships, villagesOf }
})
