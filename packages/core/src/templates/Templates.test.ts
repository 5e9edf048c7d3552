import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  countingFetch,
  emulatorApiKey,
  type RunningEmulator,
  startEmulator,
} from '../../test/support/emulator.ts'
import { Kirim } from '../client/Kirim.ts'
import { InvalidRequestError } from '../errors/InvalidRequestError.ts'
import { ValidationError } from '../errors/ValidationError.ts'
import type { Template } from '../schemas/index.ts'

let env: RunningEmulator
beforeAll(async () => {
  env = await startEmulator()
})
afterAll(() => env.close())

const client = () => {
  const counter = countingFetch()
  return {
    kirim: new Kirim({ apiKey: emulatorApiKey, baseUrl: env.url, fetch: counter.fetch }),
    counter,
  }
}

describe('templates.list', () => {
  it('awaits to the first page: 25 by default, with the cursor to the next', async () => {
    const { kirim, counter } = client()
    const page = await kirim.templates.list()
    expect(page.data).toHaveLength(25)
    expect(page.hasMore).toBe(true)
    expect(typeof page.nextCursor).toBe('string')
    expect(page.requestId).toMatch(/^req_/)
    expect(counter.sent.map((r) => r.path)).toEqual(['/v1/templates'])
  })

  it('iterates every template across all pages, passing next_cursor verbatim', async () => {
    const { kirim, counter } = client()
    const all: Template[] = []
    for await (const template of kirim.templates.list({ limit: 10 })) all.push(template)
    expect(all.length).toBeGreaterThan(40)
    expect(new Set(all.map((t) => t.id)).size).toBe(all.length)
    expect(all.map((t) => t.name)).toEqual(
      expect.arrayContaining(['order_confirmation', 'reengagement', 'otp_code']),
    )
    expect(counter.count()).toBe(Math.ceil(all.length / 10))

    const pages = []
    for await (const page of kirim.templates.list({ limit: 10 }).pages()) pages.push(page)
    expect(pages.at(-1)).toMatchObject({ hasMore: false, nextCursor: null })
    // The last pages.length requests fetched the pages; each after the first sent the cursor before it.
    const pageRequests = counter.sent.slice(-pages.length)
    for (let k = 1; k < pages.length; k++) {
      const cursor = pages[k - 1]?.nextCursor as string
      expect(pageRequests[k]?.path).toBe(
        `/v1/templates?limit=10&cursor=${encodeURIComponent(cursor)}`,
      )
    }
    expect(pages.flatMap((page) => page.data)).toEqual(all)
  })

  it('filters by status, language and name', async () => {
    const { kirim } = client()
    const approved: Template[] = []
    for await (const t of kirim.templates.list({ status: 'approved', limit: 100 })) approved.push(t)
    expect(approved.length).toBeGreaterThan(2)
    expect(approved.every((t) => t.status === 'approved')).toBe(true)

    const english = await kirim.templates.list({ language: 'en_US', limit: 100 })
    expect(english.data.map((t) => t.language)).toEqual(english.data.map(() => 'en_US'))

    const one = await kirim.templates.list({ name: 'reengagement' })
    expect(one.data.map((t) => [t.name, t.language, t.status, t.category])).toEqual([
      ['reengagement', 'id_ID', 'approved', 'MARKETING'],
    ])
  })

  it('accepts limit 1 and 100, and rejects 0, 101 and 2.5 before sending', async () => {
    const { kirim, counter } = client()
    expect((await kirim.templates.list({ limit: 1 })).data).toHaveLength(1)
    expect((await kirim.templates.list({ limit: 100 })).data.length).toBeGreaterThan(40)
    expect(counter.count()).toBe(2)
    for (const limit of [0, 101, 2.5]) {
      const error = await kirim.templates.list({ limit }).then(
        () => undefined,
        (e: unknown) => e,
      )
      expect(error).toBeInstanceOf(ValidationError)
      expect((error as ValidationError).issues).toEqual([
        { path: 'limit', message: `must be an integer from 1 to 100 (got ${limit})` },
      ])
    }
    // @ts-expect-error not a parameter
    await expect(kirim.templates.list({ statuss: 'approved' })).rejects.toBeInstanceOf(
      ValidationError,
    )
    expect(counter.count()).toBe(2)
  })

  it('resumes from a cursor, and maps a tampered one to InvalidRequestError', async () => {
    const { kirim } = client()
    const first = await kirim.templates.list({ limit: 5 })
    const second = await kirim.templates.list({ limit: 5, cursor: first.nextCursor as string })
    expect(second.data.map((t) => t.id)).not.toContain(first.data[0]?.id)

    const tampered = await kirim.templates
      .list({ limit: 5, cursor: `${first.nextCursor}x` })
      .catch((e: unknown) => e)
    expect(tampered).toBeInstanceOf(InvalidRequestError)
    expect(tampered).toMatchObject({ status: 400, code: 'invalid_cursor' })
  })
})
