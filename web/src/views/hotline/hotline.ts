// A hotline ticket as GET/POST /api/v1/hotline/tickets answer it.
import type { Level } from '@/api/types'

export interface Ticket {
  ticket_no: string
  call_time: string
  caller_name: string
  caller_masked_phone: string
  subject_name: string
  subject_masked_phone: string
  subject_address: string
  category: string | null
  content: string
  reasonableness: 'reasonable' | 'partly_reasonable' | 'unreasonable' | null
  reasonableness_reason: string
  status: 'received' | 'routed' | 'called_back'
  status_label: string
  township: string | null
  village: string | null
  callback_due: string | null
  called_back_on: string | null
  recorded_by: string
  routed_by: string
  version: number
  level?: Level | null
}

export const categories = ['living', 'medical', 'housing', 'education', 'employment', 'disability', 'elderly', 'other']
export const reasonableness = ['reasonable', 'partly_reasonable', 'unreasonable'] as const
