// Display helpers shared by the pages.
export function yuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—'
  return (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
}

// Today in China (the server counts deadlines in Asia/Shanghai), as YYYY-MM-DD, whatever the
// browser's own time zone.
export function chinaToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now)
}

export function isOverdue(due: string | null | undefined, done?: string | null, now = new Date()): boolean {
  if (!due || done) return false
  return due < chinaToday(now)
}

export function dateTime(unixSeconds: number | null | undefined): string {
  if (!unixSeconds) return '—'
  const d = new Date(unixSeconds * 1000)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}
