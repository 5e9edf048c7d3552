// The document is a valid OpenAPI 3.1 description, by two independent validators, and names
// every error code and delivery-failure code of the contract (kirim-api.md).
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import SwaggerParser from '@apidevtools/swagger-parser'
import { createConfig, lintFromString } from '@redocly/openapi-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Harness, startEmulator } from './helpers.ts'

/** The contract's Errors table, code by code, with its status. */
const CONTRACT_ERRORS: Record<string, string> = {
  invalid_phone_number: '400',
  invalid_template_name: '400',
  missing_required_field: '400',
  invalid_field_value: '400',
  invalid_limit: '400',
  invalid_cursor: '400',
  invalid_webhook_url: '400',
  invalid_api_key: '401',
  expired_api_key: '401',
  phone_number_forbidden: '403',
  resource_not_found: '404',
  idempotency_in_progress: '409',
  idempotency_key_reuse: '422',
  whatsapp_number_not_verified: '422',
  account_not_connected: '422',
  rate_limit_exceeded: '429',
  internal_error: '5xx',
  whatsapp_upstream_error: '5xx',
}

/** The contract's "Delivery failures" table. */
const CONTRACT_FAILURES = [
  'outside_24h_window',
  'template_paused',
  'template_disabled',
  'template_param_count_mismatch',
  'template_param_format_mismatch',
  'template_not_found',
  'recipient_not_on_whatsapp',
  'recipient_blocked',
  'media_download_failed',
  'pair_rate_limited',
]

/** The contract beside the repository (`../shared`), or beside its worktree folder. */
const CONTRACT = ['../../../../shared/spec/kirim-api.md', '../../../../../shared/spec/kirim-api.md']
  .map((relative) => fileURLToPath(new URL(relative, import.meta.url)))
  .find((path) => existsSync(path))

/** The rows of the Markdown table under the heading that starts with `heading`. */
function tableRows(markdown: string, heading: string): string[][] {
  const section = markdown.split(/^## /m).find((part) => part.startsWith(heading))
  expect(section, `section "${heading}" in kirim-api.md`).toBeDefined()
  return section!
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|\s*-/.test(line))
    .slice(1)
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    )
}

type Json = Record<string, unknown>
let h: Harness
let document: Json
beforeAll(async () => {
  h = await startEmulator()
  document = (await h.get<Json>('/v1/openapi.json', { key: null })).body
})
afterAll(async () => {
  await h?.close()
})

const schemas = () => (document.components as { schemas: Record<string, Json> }).schemas
const enumOf = (name: string) => schemas()[name]!.enum as string[]

describe('the OpenAPI document', () => {
  it('validates with swagger-parser (OpenAPI 3.1)', async () => {
    const api = await SwaggerParser.validate(structuredClone(document) as never)
    expect((api as { openapi: string }).openapi).toBe('3.1.0')
  })

  it('validates with Redocly, without a single error', async () => {
    const problems = await lintFromString({
      source: JSON.stringify(document),
      absoluteRef: 'openapi.json',
      config: await createConfig({ extends: ['recommended'] }),
    })
    const errors = problems.filter((problem) => problem.severity === 'error')
    expect(errors.map((problem) => `${problem.ruleId}: ${problem.message}`)).toEqual([])
  })
})

describe("the contract's codes", () => {
  it('has the fixed lists of this test equal to the tables of kirim-api.md, when it is present', () => {
    if (CONTRACT === undefined) return
    const markdown = readFileSync(CONTRACT, 'utf8')
    const errors: Record<string, string> = {}
    for (const [status = '', , codes = ''] of tableRows(markdown, 'Errors')) {
      for (const code of codes.split(',')) errors[code.replace(/\(.*\)/, '').trim()] = status
    }
    expect(errors).toEqual(CONTRACT_ERRORS)
    const failures = tableRows(markdown, 'Delivery failures').map(([code]) => code)
    expect(failures).toEqual(CONTRACT_FAILURES)
  })

  it('names every error code of the contract in the ErrorCode enum, under its status', () => {
    const codes = enumOf('ErrorCode')
    for (const [code, status] of Object.entries(CONTRACT_ERRORS)) {
      expect(codes).toContain(code)
      const statuses = status === '5xx' ? ['500', '503'] : [status]
      const listedUnder = statuses.filter((s) => {
        const envelope = schemas()[`Error${s}`] as {
          properties: { error: { properties: { code: { enum: string[] } } } }
        }
        return envelope?.properties.error.properties.code.enum.includes(code)
      })
      expect(listedUnder, `${code} under ${status}`).toHaveLength(1)
    }
  })

  it('names every delivery-failure code in Message.error.code', () => {
    expect([...enumOf('DeliveryFailureCode')].sort()).toEqual([...CONTRACT_FAILURES].sort())
    const message = schemas().Message as {
      properties: { error: { properties: { code: { $ref: string } } } }
    }
    expect(message.properties.error.properties.code.$ref).toBe(
      '#/components/schemas/DeliveryFailureCode',
    )
  })

  it('names every error type of the contract', () => {
    expect([...enumOf('ErrorType')].sort()).toEqual(
      [
        'api_error',
        'authentication_error',
        'conflict',
        'invalid_request_error',
        'not_found',
        'permission_error',
        'rate_limit_error',
      ].sort(),
    )
  })

  it('keeps Message.from optional, as the contract has it', () => {
    const message = schemas().Message as { required: string[]; properties: Json }
    expect(message.properties).toHaveProperty('from')
    expect(message.required).not.toContain('from')
  })
})
