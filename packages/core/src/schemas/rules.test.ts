import { safeParse } from 'valibot'
import { describe, expect, test } from 'vitest'
import { toValidationIssues } from './issues.ts'
import { codePointLength } from './rule.ts'
import {
  HttpsUrlSchema,
  IDEMPOTENCY_KEY_MAX,
  IDEMPOTENCY_KEY_RULE,
  IdempotencyKeySchema,
  isHttpsUrl,
  isIdempotencyKey,
  LANGUAGE_CODE_REGEX,
  PhoneNumberSchema,
  TEMPLATE_NAME_REGEX,
  text,
} from './rules.ts'

function issues(schema: Parameters<typeof safeParse>[0], input: unknown) {
  const result = safeParse(schema, input, { abortEarly: false })
  return result.success ? [] : toValidationIssues(result.issues)
}

describe('codePointLength', () => {
  test('counts code points, not UTF-16 units or graphemes', () => {
    expect(codePointLength('')).toBe(0)
    expect(codePointLength('abc')).toBe(3)
    expect(codePointLength('😀')).toBe(1)
    expect('😀'.length).toBe(2)
    // a family emoji is one grapheme but 5 code points (3 people + 2 zero-width joiners)
    expect(codePointLength('👨‍👩‍👧')).toBe(5)
    expect(codePointLength('e\u0301')).toBe(2) // e + a combining accent: one grapheme
  })
})

describe('text(min, max)', () => {
  const schema = text(1, 24)
  test('accepts the edges', () => {
    expect(issues(schema, 'x')).toEqual([])
    expect(issues(schema, 'x'.repeat(24))).toEqual([])
    expect(issues(schema, ' ')).toEqual([]) // whitespace counts as characters
  })
  test('names the rule and the length got', () => {
    expect(issues(schema, '')).toEqual([
      { path: '', message: 'must be at least 1 character (got 0)' },
    ])
    expect(issues(schema, 'x'.repeat(25))).toEqual([
      { path: '', message: 'must be at most 24 characters (got 25)' },
    ])
    expect(issues(schema, 7)).toEqual([{ path: '', message: 'must be a string (got 7)' }])
  })
  test('counts emoji once', () => {
    expect(issues(schema, '😀'.repeat(24))).toEqual([])
    expect(issues(schema, '😀'.repeat(25))).toEqual([
      { path: '', message: 'must be at most 24 characters (got 25)' },
    ])
  })
})

describe('E.164 phone numbers', () => {
  test.each([
    '+628111111111',
    '+12', // a non-zero digit and 1 more: the shortest
    '+123456789012345', // 15 digits: the longest
    '+628511760008029',
  ])('accepts %s', (phone) => {
    expect(issues(PhoneNumberSchema, phone)).toEqual([])
  })

  test.each([
    ['628111111111', 'no plus'],
    ['0811', 'a local number'],
    ['+0811111111', 'a leading 0 after the plus'],
    ['+1234567890123456', '16 digits'],
    ['+1', 'a single digit'],
    ['+62811abc111', 'letters'],
    ['+62 811 1111 111', 'spaces'],
    ['+62-811-1111', 'dashes'],
    ['', 'empty'],
    ['+', 'a plus alone'],
    ['++628111111111', 'two pluses'],
    ['+628111111111\n', 'a trailing newline'],
  ])('rejects %j (%s)', (phone) => {
    expect(issues(PhoneNumberSchema, phone)).toEqual([
      {
        path: '',
        message: `must be an E.164 phone number with a leading + (got ${JSON.stringify(phone)})`,
      },
    ])
  })

  test('rejects a number type', () => {
    expect(issues(PhoneNumberSchema, 628111111111)).toEqual([
      { path: '', message: 'must be a string (got 628111111111)' },
    ])
  })
})

describe('https URLs', () => {
  test('isHttpsUrl', () => {
    expect(isHttpsUrl('https://cdn.example.com/a.jpg')).toBe(true)
    expect(isHttpsUrl('HTTPS://CDN.EXAMPLE.COM/a.jpg')).toBe(true)
    expect(isHttpsUrl('http://cdn.example.com/a.jpg')).toBe(false)
    expect(isHttpsUrl('cdn.example.com/a.jpg')).toBe(false)
    expect(isHttpsUrl('/a.jpg')).toBe(false)
    expect(isHttpsUrl('https://')).toBe(false)
    expect(isHttpsUrl('ftp://cdn.example.com/a.jpg')).toBe(false)
    expect(isHttpsUrl('not a url')).toBe(false)
    expect(isHttpsUrl('')).toBe(false)
  })
  test('names the rule and the value got', () => {
    expect(issues(HttpsUrlSchema, 'https://a.example/x')).toEqual([])
    expect(issues(HttpsUrlSchema, 'http://a.example/x')).toEqual([
      { path: '', message: 'must be an https URL (got "http://a.example/x")' },
    ])
    expect(issues(HttpsUrlSchema, 'not a url')).toEqual([
      { path: '', message: 'must be an https URL (got "not a url")' },
    ])
  })
})

describe('template names and languages', () => {
  test('TEMPLATE_NAME_REGEX: lowercase letters, digits, underscores, 1–512', () => {
    for (const name of ['order_confirmation', 'otp2', '_', 'a'.repeat(512)]) {
      expect(TEMPLATE_NAME_REGEX.test(name)).toBe(true)
    }
    for (const name of [
      '',
      'Order',
      'order-confirmation',
      'order confirmation',
      'é',
      'a'.repeat(513),
    ]) {
      expect(TEMPLATE_NAME_REGEX.test(name)).toBe(false)
    }
  })
  test('LANGUAGE_CODE_REGEX', () => {
    for (const code of ['en', 'id_ID', 'en_US', 'pt_BR', 'fil', 'zh_HANS', 'es_419'.slice(0, 2)]) {
      expect(LANGUAGE_CODE_REGEX.test(code)).toBe(true)
    }
    for (const code of ['', 'EN', 'en-US', 'en_us', 'e', 'engl', 'en_U', 'en_USAXX', 'id_ID ']) {
      expect(LANGUAGE_CODE_REGEX.test(code)).toBe(false)
    }
  })
})

describe('Idempotency-Key: the one rule the client and the proxy check', () => {
  test.each([
    ['1 character', 'x'],
    ['255 characters', 'k'.repeat(255)],
    ['a UUID v4', '8e1a2c30-f0a4-4c70-9c2d-7b5e3aef9201'],
    ['spaces inside, every printable ASCII character at the ends', `!${' ~'.repeat(126)}~`],
    ['a space inside a short key', 'a b'],
  ])('accepts %s', (_, key) => {
    expect(isIdempotencyKey(key)).toBe(true)
    expect(issues(IdempotencyKeySchema, key)).toEqual([])
  })

  test.each([
    ['0 characters', ''],
    ['256 characters', 'k'.repeat(256)],
    ['a leading space', ' key'],
    ['a trailing space', 'key '],
    ['only a space', ' '],
    ['non-ASCII', 'clé'],
    ['a control character (newline)', 'a\nb'],
    ['a control character (tab)', 'a\tb'],
    ['DEL', 'a\u007fb'],
  ])('refuses %s', (_, key) => {
    expect(isIdempotencyKey(key)).toBe(false)
    expect(issues(IdempotencyKeySchema, key)).toEqual([
      {
        path: '',
        message: expect.stringMatching(
          /^must be 1–255 printable ASCII characters, without a space at either end \(got ".*"\)$/,
        ),
      },
    ])
  })

  test('refuses a non-string', () => {
    for (const key of [42, null, undefined, {}]) expect(isIdempotencyKey(key)).toBe(false)
  })

  test('says its rule in words', () => {
    expect(IDEMPOTENCY_KEY_RULE).toBe(
      '1–255 printable ASCII characters, without a space at either end',
    )
  })

  test('IDEMPOTENCY_KEY_MAX is the bound the regex and the words hold', () => {
    expect(isIdempotencyKey('k'.repeat(IDEMPOTENCY_KEY_MAX))).toBe(true)
    expect(isIdempotencyKey('k'.repeat(IDEMPOTENCY_KEY_MAX + 1))).toBe(false)
    expect(IDEMPOTENCY_KEY_RULE).toContain(`1–${IDEMPOTENCY_KEY_MAX} `)
  })
})
