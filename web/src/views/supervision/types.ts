// Shapes of GET /api/v1/stats/supervision and /stats/dashboard used by the board, the home page
// and the reports.
export interface KeyCount { key: string; label: string; count: number }
export interface TownshipLevels {
  township_code: string
  township_name: string
  red: number
  orange: number
  yellow: number
  total: number
}
export interface OnTimeRow {
  township_code: string
  township_name: string
  first_contact_judged: number
  first_contact_on_time: number
  first_contact_rate: number | null
  verification_judged: number
  verification_on_time: number
  verification_rate: number | null
  rate: number | null
}
export interface FirstContactRow {
  township_code: string
  township_name: string
  contacted: number
  median_calendar_days: number | null
  median_working_days: number | null
  working_days_known: number
}
export interface OverdueLead {
  lead_no: string
  level: string
  status: string
  step: string
  township: string
  village: string
  due_on: string
  days_overdue: number
  working_days_overdue: number
}
export interface CampaignSummary {
  campaign_id: number
  name: string
  event: string
  status: string
  starts_on: string
  ends_on: string
  tasks: number
  visited: number
  visited_percent: number
  leads_found: number
  overdue_tasks: number
}
export interface Funnel {
  warnings: { warnings: number; with_lead: number; verified_need: number; assistance_granted: number }
  leads: { leads: number; verified_need: number; assistance_granted: number }
}
export interface Supervision {
  region: string
  from: string
  to: string
  as_of: string
  volume: {
    warnings: number
    leads: number
    warnings_by_level: KeyCount[]
    leads_by_level: KeyCount[]
    leads_by_source: KeyCount[]
    warnings_by_township: TownshipLevels[]
    leads_by_township: TownshipLevels[]
  }
  on_time: { total: OnTimeRow; townships: OnTimeRow[] }
  first_contact: { total: FirstContactRow; townships: FirstContactRow[] }
  funnel: Funnel
  campaigns: CampaignSummary[]
  overdue: {
    leads: OverdueLead[]
    tasks: unknown[]
    townships: { township_code: string; township_name: string; leads: number; tasks: number }[]
  }
  trend: { month: string; warnings_raised: number; leads_created: number; leads_closed: number }[]
}
export interface Dashboard {
  as_of: string
  leads?: {
    by_level: Record<string, number>
    by_status: Record<string, number>
    created_today: number
    due_today: number
    open: number
    overdue: number
    overdue_first_contact: number
    overdue_verification: number
  }
  warnings?: { open: number; red: number; orange: number; yellow: number; review: number }
  tasks?: { due_today: number; open: number; overdue: number }
  referrals_pending?: number | null
  batches_last_7_days?: Record<string, number>
  scope?: { kind: 'area' | 'department'; region?: string; feeds?: string[] }
}

// A rate in percent (the API's rates are 0..100) as text; '—' when nothing was judged.
export function percent(rate: number | null | undefined): string {
  if (rate === null || rate === undefined) return '—'
  return `${rate.toFixed(1)}%`
}

// YYYY-MM-DD of a Date in local time.
export function isoDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

// The first day of the twelve months ending on `asOf` (YYYY-MM-DD): the board's default period.
export function yearBefore(asOf: string): string {
  const [y, m] = asOf.split('-').map(Number)
  const d = new Date(y, m - 12, 1)
  return isoDate(d)
}
