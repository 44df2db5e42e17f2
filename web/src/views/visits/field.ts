// Shapes and helpers shared by the field-work pages (visits, campaigns, hotline, referrals,
// coordination). The OpenAPI document types most of these answers as plain objects; the fields
// here are the ones the server sends (checked against a running server).
import { chinaToday } from '@/composables/format'
import type { Level } from '@/api/types'

export type Answer = 'yes' | 'no' | 'not_applicable'

export interface ChecklistItem {
  key: string
  question: string
  concern_answer: 'yes' | 'no'
}

export interface Task {
  id: number
  kind: string
  title: string
  household_no: string | null
  lead_no: string | null
  due_on: string | null
  overdue: boolean
  status: string
  village?: string
}

export interface Visit {
  id: number
  household_no: string
  visited_on: string
  visitor: string
  met: string
  needs: string[]
  notes: string
  difficulty_found: boolean
  lead_no: string | null
  campaign_id: number | null
  task_id: number | null
  answers: { item_key: string; answer: Answer; note?: string }[]
}

export interface HouseholdItem {
  household_no: string
  head_name: string
  address: string
  size: number
  village: string
  warning_level: Level | null
}

export interface Household {
  household_no: string
  address: string
  size: number
  categories: string[]
  members: { name: string; relation: string; relation_label?: string; phone?: string | null; age?: number | null }[]
  warnings: { id: number; level: Level; status: string; reasons: string[] }[]
  leads: { lead_no: string; level: Level | null; status: string }[]
  township: { code: string; name: string }
  village: { code: string; name: string }
}

export interface Campaign {
  id: number
  name: string
  event: string
  event_label: string
  description: string
  starts_on: string
  ends_on: string
  status: 'open' | 'closed'
  villages: string[]
  created_by: string
  created_on: string
}

export interface ProgressRow {
  region: string
  name: string
  tasks: number
  visited: number
  visited_percent: number
  leads_found: number
}

export interface CampaignTarget {
  household_no: string
  village: string
  township: string
  task_id: number | null
  low_income: boolean
  open_warning: boolean
  disaster: boolean
  visited: boolean
}

export interface CampaignDetail extends Campaign {
  checklist: ChecklistItem[]
  progress: { villages: ProgressRow[]; townships: ProgressRow[]; total: ProgressRow }
  targets: CampaignTarget[]
}

// The checklist of a routine visit (the server's routine checklist; its questions are in the
// locale file under field.routine.<key>).
export const routineChecklist: { key: string; concern_answer: 'yes' | 'no' }[] = [
  { key: 'basic_living_secure', concern_answer: 'no' },
  { key: 'housing_safe', concern_answer: 'no' },
  { key: 'medical_burden', concern_answer: 'yes' },
  { key: 'schooling_ok', concern_answer: 'no' },
  { key: 'care_ok', concern_answer: 'no' },
  { key: 'income_drop', concern_answer: 'yes' },
]

export const needs = ['basic_living', 'medical', 'housing', 'education', 'employment', 'care', 'disability', 'emergency', 'other']
export const levels: Level[] = ['red', 'orange', 'yellow']

// A day in the county's time zone (China Standard Time, as the server counts days), as
// YYYY-MM-DD: today, or `days` later.
export function today(days = 0): string {
  return chinaToday(new Date(Date.now() + days * 86_400_000))
}

export { errorMessage as messageOf } from '@/api/client'

// Money typed in a form: yuan with at most two decimals.
export const moneyPattern = /^\d+(\.\d{1,2})?$/
export const mobilePattern = /^1\d{10}$/
