// The one way the app talks to the server: JSON over fetch with the session cookie and the
// CSRF token, errors turned into ApiError with the server's Chinese message
// (50-api-security.md: `{ "error": { "code", "message", "details" } }`).

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message)
  }
}

// What to show for a failed request: the server's Chinese message, else the error as text.
export function errorMessage(e: unknown): string {
  return e instanceof ApiError ? e.message : String(e)
}

export interface Page<T> {
  items: T[]
  page: number
  page_size: number
  total: number
}

let csrfToken = sessionStorage.getItem('faxian.csrf') ?? ''
let onUnauthorized: (() => void) | null = null

export function setCsrfToken(token: string): void {
  csrfToken = token
  if (token) sessionStorage.setItem('faxian.csrf', token)
  else sessionStorage.removeItem('faxian.csrf')
}

// Called when the server answers 401 to a logged-in request (the session expired).
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler
}

type Query = Record<string, string | number | boolean | undefined | null>

export function withQuery(path: string, query?: Query): string {
  if (!query) return path
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value))
  }
  const text = params.toString()
  return text ? `${path}?${text}` : path
}

async function errorOf(response: Response): Promise<ApiError> {
  let body: unknown = null
  try {
    body = await response.json()
  } catch {
    // not JSON: a proxy's page, a dropped connection
  }
  const error = (body as { error?: { code?: string; message?: string; details?: Record<string, unknown> } })
    ?.error
  const fallback =
    response.status === 413
      ? '文件或内容过大'
      : response.status === 429
        ? '操作过于频繁，请稍后再试'
        : `服务器返回错误（HTTP ${response.status}）`
  return new ApiError(response.status, error?.code ?? 'http_error', error?.message ?? fallback, error?.details ?? {})
}

export async function request<T>(method: string, path: string, body?: unknown, init: RequestInit = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' }
  let payload: BodyInit | undefined
  if (body instanceof FormData) {
    payload = body
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json'
    payload = JSON.stringify(body)
  }
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken
  let response: Response
  try {
    response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin', ...init })
  } catch {
    throw new ApiError(0, 'network', '无法连接服务器，请检查网络后重试')
  }
  if (!response.ok) {
    const error = await errorOf(response)
    if (response.status === 401 && !path.endsWith('/session') && onUnauthorized) onUnauthorized()
    throw error
  }
  if (response.status === 204) return undefined as T
  const type = response.headers.get('Content-Type') ?? ''
  if (!type.includes('json')) return (await response.blob()) as T
  return (await response.json()) as T
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body ?? {}),
  del: <T>(path: string) => request<T>('DELETE', path),
}
