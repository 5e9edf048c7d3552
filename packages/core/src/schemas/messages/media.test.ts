import { type GenericSchema, safeParse } from 'valibot'
import { describe, expect, test } from 'vitest'
import { toValidationIssues } from '../issues.ts'
import {
  AudioMessageSchema,
  DocumentMessageSchema,
  ImageMessageSchema,
  VideoMessageSchema,
} from './media.ts'

function issues(schema: GenericSchema, input: unknown) {
  const result = safeParse(schema, input, { abortEarly: false })
  return result.success ? [] : toValidationIssues(result.issues)
}

const url = 'https://your-cdn.example.com/file'

describe.each([
  ['image', ImageMessageSchema],
  ['document', DocumentMessageSchema],
  ['video', VideoMessageSchema],
] as const)('%s message', (type, schema) => {
  const body = (media: unknown) => ({ to: '+628111111111', type, [type]: media })

  test('url alone passes', () => {
    expect(issues(schema, body({ url }))).toEqual([])
  })
  test('caption: 1024 characters pass, 1025 fail, empty passes', () => {
    expect(issues(schema, body({ url, caption: 'x'.repeat(1024) }))).toEqual([])
    expect(issues(schema, body({ url, caption: '😀'.repeat(1024) }))).toEqual([])
    expect(issues(schema, body({ url, caption: '' }))).toEqual([])
    expect(issues(schema, body({ url, caption: 'x'.repeat(1025) }))).toEqual([
      { path: `${type}.caption`, message: 'must be at most 1024 characters (got 1025)' },
    ])
  })
  test('url must be https', () => {
    expect(issues(schema, body({ url: 'http://cdn.example.com/a' }))).toEqual([
      { path: `${type}.url`, message: 'must be an https URL (got "http://cdn.example.com/a")' },
    ])
    expect(issues(schema, body({ url: 'cdn.example.com/a' }))).toEqual([
      { path: `${type}.url`, message: 'must be an https URL (got "cdn.example.com/a")' },
    ])
  })
  test('url is required', () => {
    expect(issues(schema, body({ caption: 'x' }))).toEqual([
      { path: `${type}.url`, message: 'is required' },
    ])
  })
  test('a misspelt caption is an unknown field', () => {
    expect(issues(schema, body({ url, captoin: 'x' }))).toEqual([
      { path: `${type}.captoin`, message: 'unknown field' },
    ])
  })
})

describe('document message', () => {
  const body = (document: unknown) => ({ to: '+628111111111', type: 'document', document })
  test('filename: 240 characters pass, 241 fail', () => {
    expect(
      issues(DocumentMessageSchema, body({ url, filename: `${'x'.repeat(236)}.pdf` })),
    ).toEqual([])
    expect(
      issues(DocumentMessageSchema, body({ url, filename: `${'x'.repeat(237)}.pdf` })),
    ).toEqual([{ path: 'document.filename', message: 'must be at most 240 characters (got 241)' }])
  })
  test('filename is only for documents', () => {
    expect(
      issues(ImageMessageSchema, {
        to: '+628111111111',
        type: 'image',
        image: { url, filename: 'a.jpg' },
      }),
    ).toEqual([{ path: 'image.filename', message: 'unknown field' }])
  })
})

describe('audio message', () => {
  const body = (audio: unknown) => ({ to: '+628111111111', type: 'audio', audio })
  test('url alone passes', () => {
    expect(issues(AudioMessageSchema, body({ url }))).toEqual([])
  })
  test('a caption is an error: audio has none', () => {
    expect(issues(AudioMessageSchema, body({ url, caption: 'listen' }))).toEqual([
      { path: 'audio.caption', message: 'unknown field' },
    ])
  })
  test('url must be https', () => {
    expect(issues(AudioMessageSchema, body({ url: 'http://a.example/x.mp3' }))).toEqual([
      { path: 'audio.url', message: 'must be an https URL (got "http://a.example/x.mp3")' },
    ])
  })
})
