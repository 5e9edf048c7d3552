import { describe, expect, it } from 'vitest'
import { isRoute, matchRoute } from './routes.ts'

const at = (url: string, method = 'GET', headers: Record<string, string> = {}) =>
  matchRoute(new Request(url, { method, headers }), '/api/kirim')

describe('matchRoute', () => {
  it('matches the six routes exactly', () => {
    expect(at('http://h/api/kirim/token', 'POST')).toMatchObject({ name: 'token' })
    expect(at('http://h/api/kirim/v1/messages', 'POST')).toMatchObject({ name: 'send' })
    expect(at('http://h/api/kirim/v1/messages/msg_01J0000000000000000000000A')).toMatchObject({
      name: 'getMessage',
      id: 'msg_01J0000000000000000000000A',
    })
    expect(at('http://h/api/kirim/v1/templates?status=approved')).toMatchObject({
      name: 'listTemplates',
    })
    expect(at('http://h/api/kirim/webhooks', 'POST')).toMatchObject({ name: 'webhooks' })
    expect(at('http://h/api/kirim/events?token=x')).toMatchObject({ name: 'events' })
  })

  it('lets OPTIONS through on browser routes only', () => {
    expect(isRoute(at('http://h/api/kirim/v1/messages', 'OPTIONS'))).toBe(true)
    expect(at('http://h/api/kirim/webhooks', 'OPTIONS')).toMatchObject({
      status: 405,
      allow: ['POST'],
    })
  })

  it('refuses a wrong method with 405 and the allowed ones', () => {
    expect(at('http://h/api/kirim/v1/messages', 'GET')).toMatchObject({
      status: 405,
      code: 'method_not_allowed',
      allow: ['POST'],
    })
    expect(at('http://h/api/kirim/v1/templates', 'HEAD')).toMatchObject({
      status: 405,
      allow: ['GET'],
    })
  })

  it('refuses suspicious paths with 400 invalid_path', () => {
    for (const path of [
      '/api/kirim/v1%2Fmessages',
      '/api/kirim/v1/%2e%2e%2fme',
      '/api/kirim//token',
      '/api/kirim/v1/messages%5C',
      '/api%2Fkirim/token',
    ]) {
      expect(at(`http://h${path}`, 'POST'), path).toMatchObject({
        status: 400,
        code: 'invalid_path',
      })
    }
    // The URL parser resolves `%2e%2e` like `..` before the proxy sees it: not a route either way.
    expect(isRoute(at('http://h/api/kirim/v1/%2e%2e/token', 'POST'))).toBe(true)
    expect(isRoute(at('http://h/api/kirim/v1/messages/%2e%2e/me', 'GET'))).toBe(false)
  })

  it('reads the path as sent: a Request whose url kept dot segments is refused too', () => {
    // Request normalises, but an adapter could hand over a url string with them: emulate it.
    const request = new Request('http://h/api/kirim/token', { method: 'POST' })
    Object.defineProperty(request, 'url', { value: 'http://h/api/kirim/v1/../token' })
    expect(matchRoute(request, '/api/kirim')).toMatchObject({ status: 400, code: 'invalid_path' })
  })

  it('refuses a URL whose authority differs from the Host header', () => {
    expect(
      at('http://evil.example/api/kirim/token', 'POST', { host: 'app.example.com' }),
    ).toMatchObject({
      status: 400,
      code: 'invalid_request_target',
    })
    expect(at('http://h:80/api/kirim/token', 'POST', { host: 'H:80' })).toMatchObject({
      name: 'token',
    })
    expect(at('https://h/api/kirim/token', 'POST', { host: 'h:443' })).toMatchObject({
      name: 'token',
    })
    expect(at('http://h/api/kirim/token', 'POST', { host: 'h@evil' })).toMatchObject({
      code: 'invalid_request_target',
    })
  })

  it('answers 404 outside basePath and for unknown paths', () => {
    for (const url of [
      'http://h/token',
      'http://h/api/kirimtoken',
      'http://h/api/kirim',
      'http://h/api/kirim/',
      'http://h/api/kirim/v1/me',
    ]) {
      expect(at(url, 'POST'), url).toMatchObject({ status: 404, code: 'route_not_found' })
    }
  })

  it('works at the root basePath', () => {
    expect(matchRoute(new Request('http://h/token', { method: 'POST' }), '')).toMatchObject({
      name: 'token',
    })
  })
})
