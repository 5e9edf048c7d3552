import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { PROXY_ERRORS, type ProxyErrorCode, refuse } from './errors.ts'

/** The rows of the README's "Proxy error codes" table, as `[code, status, type, message]`. */
function readmeRows(): string[][] {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
  const section = readme.slice(readme.indexOf('### Proxy error codes'))
  const lines = section.split('\n').filter((line) => line.startsWith('| `'))
  return lines.map((line) =>
    line
      .slice(1, -1)
      .split(/(?<!\\)\|/)
      .map((cell) =>
        cell
          .trim()
          .replaceAll('\\|', '|')
          .replace(/^`(.*)`$/, '$1'),
      ),
  )
}

describe('the error catalogue', () => {
  it('is the table of the package README, row for row', () => {
    expect(readmeRows()).toEqual(
      Object.entries(PROXY_ERRORS).map(([code, { status, type, message }]) => [
        code,
        String(status),
        type,
        message,
      ]),
    )
  })

  it('gives every code the envelope type of its status', () => {
    const typeOf = (status: number) =>
      status === 401
        ? 'authentication_error'
        : status === 403
          ? 'permission_error'
          : status === 404
            ? 'not_found'
            : status >= 500
              ? 'api_error'
              : 'invalid_request_error'
    for (const { status, type } of Object.values(PROXY_ERRORS)) expect(type).toBe(typeOf(status))
  })
})

describe('refuse', () => {
  it('answers the row in Kirim’s envelope, with a fresh request id in body and header', async () => {
    const response = refuse('request_too_large')
    expect(response.status).toBe(413)
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    const requestId = response.headers.get('x-request-id')
    expect(requestId).toMatch(/^req_[0-9A-HJKMNP-TV-Z]{26}$/)
    expect(await response.text()).toBe(
      JSON.stringify({
        error: {
          type: 'invalid_request_error',
          code: 'request_too_large',
          message: 'The body is larger than 1 MiB.',
          request_id: requestId,
        },
      }),
    )
    expect(refuse('request_too_large').headers.get('x-request-id')).not.toBe(requestId)
  })

  it('adds a specific message, the param, the issues and headers, in the envelope’s order', async () => {
    const code: ProxyErrorCode = 'validation_failed'
    const response = refuse(code, {
      message: 'Invalid message: to is required',
      param: 'to',
      issues: [{ path: 'to', message: 'is required' }],
      headers: { Allow: 'POST' },
    })
    expect(response.headers.get('allow')).toBe('POST')
    const { error } = (await response.json()) as { error: Record<string, unknown> }
    expect(Object.keys(error)).toEqual(['type', 'code', 'message', 'param', 'issues', 'request_id'])
    expect(error).toMatchObject({ message: 'Invalid message: to is required', param: 'to' })
  })
})
