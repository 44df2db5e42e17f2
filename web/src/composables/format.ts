// Display helpers shared by the pages.
export function yuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—'
  return (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
}

export function isOverdue(due: string | null | undefined, done?: string | null, today = new Date()): boolean {
  if (!due || done) return false
  const iso = today.toISOString().slice(0, 10)
  return due < iso
}

export function dateTime(unixSeconds: number | null | undefined): string {
  if (!unixSeconds) return '—'
  const d = new Date(unixSeconds * 1000)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}
