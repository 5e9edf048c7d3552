import { safeParse } from 'valibot'
import { describe, expect, test } from 'vitest'
import { dataEnvelope } from './envelope.ts'
import { toValidationIssues } from './issues.ts'
import { MessageErrorSchema, MessageSchema } from './message.ts'

const message = {
  id: 'msg_01HXYZABCDEFGHJKMNPQRSTVWX',
  object: 'message',
  from: '+628511760008029',
  to: '+628111111111',
  type: 'text',
  status: 'pending',
  created_at: '2026-05-24T08:00:00.000Z',
  updated_at: '2026-05-24T08:00:00.000Z',
  provider_message_id: 'wamid.HBgLNjI4MTExMTExMTExFQIAERgSQ0Q=',
}
function issues(input: unknown) {
  const result = safeParse(MessageSchema, input, { abortEarly: false })
  return result.success ? [] : toValidationIssues(result.issues)
}

describe('MessageSchema', () => {
  test('the seed page response parses', () => {
    const json = `{ "data": { "id": "msg_01HXYZABCDEFGHJKMNPQRSTVWX", "object": "message", "to": "+628111111111", "type": "text", "status": "pending", "created_at": "2026-05-24T08:00:00.000Z" }, "request_id": "req_…"}`
    const result = safeParse(dataEnvelope(MessageSchema), JSON.parse(json))
    expect(result.issues).toBeUndefined()
    expect(result.output).toEqual(JSON.parse(json))
  })
  test('the error block of the seed page failure example parses', () => {
    const json = `{ "code": "outside_24h_window", "message": "Message failed to send because more than 24 hours...", "provider_code": 131047 }`
    expect(safeParse(MessageErrorSchema, JSON.parse(json)).success).toBe(true)
  })
  test('a failed message with its error', () => {
    const failed = {
      ...message,
      status: 'failed',
      provider_message_id: null,
      error: { code: 'recipient_blocked', message: 'blocked', provider_code: 1013 },
    }
    expect(issues(failed)).toEqual([])
    expect(
      issues({ ...failed, error: { code: 'internal', message: 'x', provider_code: null } }),
    ).toEqual([])
    expect(issues({ ...failed, error: { ...failed.error, provider_code: '1013' } })).toEqual([
      { path: 'error.provider_code', message: 'must be a number (got "1013")' },
    ])
  })
  test('keeps fields the contract does not name', () => {
    const input = {
      ...message,
      conversation_id: 'cnv_1',
      error: { code: 'x', message: 'y', provider_code: 1, details: { a: 1 } },
    }
    const result = safeParse(MessageSchema, input)
    expect(result.output).toEqual(input)
  })
  test('accepts any message type string, for types added later', () => {
    expect(issues({ ...message, type: 'location' })).toEqual([])
  })
  test('rejects contract breaks', () => {
    const { id: _, ...noId } = message
    expect(issues(noId)).toEqual([{ path: 'id', message: 'is required' }])
    expect(issues({ ...message, id: 'tmpl_01' })).toEqual([
      { path: 'id', message: 'must be an id starting with "msg_" (got "tmpl_01")' },
    ])
    expect(issues({ ...message, status: 'nope' })).toEqual([
      {
        path: 'status',
        message: 'must be one of "pending", "sent", "delivered", "read", "failed" (got "nope")',
      },
    ])
    expect(issues({ ...message, object: 'template' })).toEqual([
      { path: 'object', message: 'must be "message" (got "template")' },
    ])
    expect(issues({ ...message, created_at: undefined })).toEqual([
      { path: 'created_at', message: 'is required' },
    ])
  })
})
