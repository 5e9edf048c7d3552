import { describe, expect, test } from 'vitest'
import { KirimError } from '../errors/KirimError.ts'
import { ValidationError } from '../errors/ValidationError.ts'
import { parseOrThrow, parseSendMessage } from './parse.ts'
import { TemplateListParamsSchema } from './templateListParams.ts'

function thrown(run: () => unknown): ValidationError {
  try {
    run()
  } catch (error) {
    if (error instanceof ValidationError) return error
    throw error
  }
  throw new Error('expected a ValidationError')
}

describe('parseSendMessage', () => {
  test('returns a valid body', () => {
    const body = { to: '+628111111111', type: 'text', text: { body: 'Halo' } }
    expect(parseSendMessage(body)).toEqual(body)
  })
  test('throws a ValidationError listing every issue, nothing sent', () => {
    const error = thrown(() => parseSendMessage({ to: '0811', type: 'text', text: { body: '' } }))
    expect(error).toBeInstanceOf(KirimError)
    expect(error.issues).toEqual([
      { path: 'to', message: 'must be an E.164 phone number with a leading + (got "0811")' },
      { path: 'text.body', message: 'must be at least 1 character (got 0)' },
    ])
    expect(error.param).toBe('to')
    expect(error.code).toBe('invalid_input')
    expect(error.message).toBe(
      'Invalid message; nothing was sent:\n' +
        '  to: must be an E.164 phone number with a leading + (got "0811")\n' +
        '  text.body: must be at least 1 character (got 0)',
    )
  })
  test('ignores a global abortEarly: every issue still comes back', async () => {
    const { setGlobalConfig, deleteGlobalConfig } = await import('valibot')
    setGlobalConfig({ abortEarly: true })
    try {
      const error = thrown(() => parseSendMessage({ to: '0811', type: 'text', text: { body: '' } }))
      expect(error.issues).toHaveLength(2)
    } finally {
      deleteGlobalConfig()
    }
  })
})

describe('parseOrThrow', () => {
  test('returns the parsed output', () => {
    expect(
      parseOrThrow(TemplateListParamsSchema, { limit: 50 }, 'template list parameters'),
    ).toEqual({
      limit: 50,
    })
  })
  test('names the input in the error', () => {
    const error = thrown(() =>
      parseOrThrow(
        TemplateListParamsSchema,
        { limit: 0, sort: 'name' },
        'template list parameters',
      ),
    )
    expect(error.message).toMatch(/^Invalid template list parameters; nothing was sent:/)
    expect(error.issues).toEqual([
      { path: 'limit', message: 'must be an integer from 1 to 100 (got 0)' },
      { path: 'sort', message: 'unknown field' },
    ])
  })
})
