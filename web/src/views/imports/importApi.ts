// Feeds, batch reports and the upload itself (XMLHttpRequest, for a real upload progress bar).
import { ApiError } from '@/api/client'

export const FEEDS = [
  'population', 'medical', 'employment', 'income', 'disability', 'death', 'disaster',
  'poverty_monitoring', 'education', 'assets', 'hotline', 'applications', 'registry',
] as const

// The feeds a department sends (server: api/feed_access.cpp kFeedSenders); used only to offer
// the right choices — the server decides.
const SENDERS: [RegExp, string[]][] = [
  [/医保|医疗保障|medical/i, ['medical']],
  [/人社|人力资源|human_resources/i, ['employment', 'income']],
  [/公安|public_security/i, ['population', 'death']],
  [/残联|残疾人联合会|disabled/i, ['disability']],
  [/应急|emergency/i, ['disaster']],
  [/乡村振兴|农业农村|rural_revitalisation/i, ['poverty_monitoring']],
  [/教育|教委|education/i, ['education']],
  [/民政|civil_affairs/i, ['applications', 'registry']],
]

export function feedsOfDepartment(department: string): string[] {
  if ((FEEDS as readonly string[]).includes(department)) return [department]
  for (const [pattern, feeds] of SENDERS) if (pattern.test(department)) return feeds
  return []
}

export interface RowIssue {
  row: number
  column?: string
  code?: string
  message: string
}

export interface BatchItem {
  batch_id: number
  feed: string
  feed_label?: string
  file_name?: string
  department?: string
  imported_by?: string
  sha256?: string
  started_at?: number
  finished_at?: number | null
  status: 'running' | 'committed' | 'rejected' | 'failed'
  rows: number
  imported: number
  duplicates: number
  rejected: number
}

export interface BatchReport extends BatchItem {
  errors?: RowIssue[]
  errors_total?: number
  warnings?: RowIssue[]
  warnings_total?: number
  persons_created?: number
  leads?: { opened?: number; attached?: number; raised?: number; referrals?: number } | null
  screening?: { households?: number; warnings_opened?: number; warnings_escalated?: number; warnings_cleared?: number } | null
}

export function uploadFeed(
  feed: string,
  file: File,
  strict: boolean,
  onProgress: (percent: number) => void,
): Promise<BatchReport> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', `/api/v1/feeds/${encodeURIComponent(feed)}/batches${strict ? '?strict=true' : ''}`)
    xhr.withCredentials = true
    xhr.setRequestHeader('Accept', 'application/json')
    xhr.setRequestHeader('X-CSRF-Token', sessionStorage.getItem('faxian.csrf') ?? '')
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(Math.round((event.loaded * 100) / event.total))
    }
    xhr.onload = () => {
      let body: unknown = null
      try {
        body = JSON.parse(xhr.responseText)
      } catch {
        // not JSON
      }
      if (xhr.status >= 200 && xhr.status < 300 && body) {
        resolve(body as BatchReport)
        return
      }
      const error = (body as { error?: { code?: string; message?: string; details?: Record<string, unknown> } } | null)?.error
      const fallback = xhr.status === 413 ? '文件过大' : `服务器返回错误（HTTP ${xhr.status}）`
      reject(new ApiError(xhr.status, error?.code ?? 'http_error', error?.message ?? fallback, error?.details ?? {}))
    }
    xhr.onerror = () => reject(new ApiError(0, 'network', '无法连接服务器，请检查网络后重试'))
    const form = new FormData()
    form.append('file', file, file.name)
    xhr.send(form)
  })
}
