// The monthly report's rows, built from GET /stats/supervision (county-wide for the volumes,
// on-time and overdue figures; per township for the outcomes of the funnel).
import type { Supervision } from '@/views/supervision/types'

export interface TownshipRow {
  code: string
  name: string
  warnings: number
  red: number
  orange: number
  yellow: number
  leads: number
  fcOnTime: number
  fcJudged: number
  vOnTime: number
  vJudged: number
  rate: number | null
  overdue: number
  median: number | null
  verified: number | null
  granted: number | null
}

export function townshipRows(s: Supervision): TownshipRow[] {
  const byCode = new Map<string, TownshipRow>()
  const row = (code: string, name: string): TownshipRow => {
    let r = byCode.get(code)
    if (!r) {
      r = { code, name, warnings: 0, red: 0, orange: 0, yellow: 0, leads: 0, fcOnTime: 0, fcJudged: 0, vOnTime: 0, vJudged: 0,
        rate: null, overdue: 0, median: null, verified: null, granted: null }
      byCode.set(code, r)
    }
    if (!r.name && name) r.name = name
    return r
  }
  for (const w of s.volume.warnings_by_township) Object.assign(row(w.township_code, w.township_name), { warnings: w.total, red: w.red, orange: w.orange, yellow: w.yellow })
  for (const l of s.volume.leads_by_township) row(l.township_code, l.township_name).leads = l.total
  for (const o of s.on_time.townships) {
    Object.assign(row(o.township_code, o.township_name), {
      fcOnTime: o.first_contact_on_time, fcJudged: o.first_contact_judged, vOnTime: o.verification_on_time, vJudged: o.verification_judged, rate: o.rate,
    })
  }
  for (const o of s.overdue.townships) row(o.township_code, o.township_name).overdue = o.leads
  for (const f of s.first_contact.townships) row(f.township_code, f.township_name).median = f.median_working_days
  return [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code))
}

// The first and last day of a YYYY-MM month range.
export function monthBounds(from: string, to: string): [string, string] {
  const [y, m] = to.split('-').map(Number)
  const last = new Date(y, m, 0).getDate()
  return [`${from}-01`, `${to}-${String(last).padStart(2, '0')}`]
}

// Runs `work` over `items`, at most `limit` at a time.
export async function eachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++]
      await work(item)
    }
  })
  await Promise.all(runners)
}
