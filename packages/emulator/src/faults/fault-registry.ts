import { ApiError, invalidField } from '../errors/api-error.ts'
import { newId } from '../ids/ulid.ts'
import { asObject } from '../validation/fields.ts'

/** What a fault does to a request. */
export type FaultKind = '500' | '503' | '429' | 'latency' | 'drop_before' | 'drop_after'

export const FAULT_KINDS: readonly FaultKind[] = [
  '500',
  '503',
  '429',
  'latency',
  'drop_before',
  'drop_after',
]

/** A fault chosen for one request. */
export interface ActiveFault {
  readonly kind: FaultKind
  readonly latencyMs: number
  readonly retryAfter: number
}

/** A registered fault, as `GET /_emulator/faults` lists it. */
export interface FaultView {
  readonly id: string
  readonly kind: FaultKind
  /** Faults left to inject, or null when only `rate` bounds it. */
  readonly count: number | null
  readonly rate: number | null
  readonly latency_ms: number
  readonly retry_after: number
  readonly path: string | null
  readonly method: string | null
}

const MAX_LATENCY_MS = 120_000
const DEFAULT_LATENCY_MS = 1000

function kindOf(value: unknown, param: string): FaultKind {
  const kind = typeof value === 'number' ? String(value) : value
  if (typeof kind !== 'string' || !(FAULT_KINDS as readonly string[]).includes(kind)) {
    throw invalidField(
      param,
      `${param} must be one of ${FAULT_KINDS.map((k) => `"${k}"`).join(', ')}.`,
    )
  }
  return kind as FaultKind
}

function integer(value: unknown, param: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalidField(param, `${param} must be an integer from ${min} to ${max}.`)
  }
  return value
}

const matches = (rule: FaultView, method: string, path: string): boolean => {
  if (rule.method !== null && rule.method !== method) return false
  if (rule.path === null) return path.startsWith('/v1/')
  return rule.path.endsWith('*') ? path.startsWith(rule.path.slice(0, -1)) : path === rule.path
}

/** Faults registered through `POST /_emulator/faults`, and the per-request header. */
export class FaultRegistry {
  #rules: FaultView[] = []

  /** Validates and registers a fault. */
  add(input: unknown, now: number): FaultView {
    const body = asObject(input, '')
    const kind = kindOf(body.kind, 'kind')
    const rate = body.rate === undefined ? null : body.rate
    if (rate !== null && (typeof rate !== 'number' || !(rate >= 0 && rate <= 1))) {
      throw invalidField('rate', 'rate must be a number from 0 to 1.')
    }
    const count =
      body.count === undefined
        ? rate === null
          ? 1
          : null
        : integer(body.count, 'count', 1, 1_000_000)
    const path = body.path === undefined ? null : body.path
    if (path !== null && (typeof path !== 'string' || !path.startsWith('/'))) {
      throw invalidField(
        'path',
        'path must be a string starting with "/" (end it with * to match a prefix).',
      )
    }
    const method = body.method === undefined ? null : body.method
    if (method !== null && (typeof method !== 'string' || !/^[A-Za-z]+$/.test(method))) {
      throw invalidField('method', 'method must be an HTTP method such as "POST".')
    }
    const rule: FaultView = {
      id: newId('flt', now),
      kind,
      count,
      rate,
      latency_ms:
        body.latencyMs === undefined
          ? DEFAULT_LATENCY_MS
          : integer(body.latencyMs, 'latencyMs', 0, MAX_LATENCY_MS),
      retry_after:
        body.retryAfter === undefined ? 1 : integer(body.retryAfter, 'retryAfter', 0, 86_400),
      path,
      method: method === null ? null : method.toUpperCase(),
    }
    this.#rules.push(rule)
    return rule
  }

  list(): readonly FaultView[] {
    return this.#rules
  }

  clear(): void {
    this.#rules = []
  }

  /**
   * The fault for this request, if any: the `X-Emulator-Fault` header first, then the
   * first registered rule that matches (consuming one of its count).
   */
  pick(method: string, path: string, headers: Headers): ActiveFault | undefined {
    const fromHeader = headerFault(headers)
    if (fromHeader !== undefined) return fromHeader
    for (const [index, rule] of this.#rules.entries()) {
      if (!matches(rule, method, path)) continue
      if (rule.rate !== null && Math.random() >= rule.rate) continue
      if (rule.count !== null) {
        const left = rule.count - 1
        if (left <= 0) this.#rules.splice(index, 1)
        else this.#rules[index] = { ...rule, count: left }
      }
      return { kind: rule.kind, latencyMs: rule.latency_ms, retryAfter: rule.retry_after }
    }
    return undefined
  }
}

/** `X-Emulator-Fault: <kind>` and `X-Emulator-Latency: <ms>` fault one request. */
function headerFault(headers: Headers): ActiveFault | undefined {
  const kindHeader = headers.get('x-emulator-fault')
  const latencyHeader = headers.get('x-emulator-latency')
  if (kindHeader === null && latencyHeader === null) return undefined
  const kind = kindHeader === null ? 'latency' : kindOf(kindHeader.trim(), 'X-Emulator-Fault')
  let latencyMs = DEFAULT_LATENCY_MS
  if (latencyHeader !== null) {
    if (!/^\d{1,6}$/.test(latencyHeader.trim()) || Number(latencyHeader) > MAX_LATENCY_MS) {
      throw invalidField(
        'X-Emulator-Latency',
        `X-Emulator-Latency must be whole ms from 0 to ${MAX_LATENCY_MS}.`,
      )
    }
    latencyMs = Number(latencyHeader)
  }
  return { kind, latencyMs, retryAfter: 1 }
}

/** The error answer of a 500, 503 or 429 fault. */
export function faultError(fault: ActiveFault): ApiError {
  if (fault.kind === '429') {
    return new ApiError({
      code: 'rate_limit_exceeded',
      message: 'Too many requests (injected fault). Retry after the time in Retry-After.',
      headers: { 'Retry-After': String(fault.retryAfter) },
    })
  }
  if (fault.kind === '503') {
    return new ApiError({
      code: 'whatsapp_upstream_error',
      message:
        'WhatsApp is temporarily unavailable (injected fault). Retry after the time in Retry-After.',
      headers: { 'Retry-After': String(fault.retryAfter) },
    })
  }
  return new ApiError({
    code: 'internal_error',
    message: 'Something went wrong on our side (injected fault). Retry the request.',
  })
}
