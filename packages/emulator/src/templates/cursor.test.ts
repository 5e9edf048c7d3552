import { describe, expect, it } from 'vitest'
import { ApiError } from '../errors/api-error.ts'
import { CursorCodec } from './cursor.ts'

const FILTERS = JSON.stringify(['approved', null, null])

const rejection = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ApiError)
  expect((error as ApiError).status).toBe(400)
  expect((error as ApiError).code).toBe('invalid_cursor')
  expect((error as ApiError).param).toBe('cursor')
}

describe('CursorCodec', () => {
  it('round-trips an offset for the same filters', async () => {
    const codec = new CursorCodec()
    const cursor = await codec.encode(25, FILTERS)
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+\.[0-9a-f]{32}$/)
    expect(await codec.decode(cursor, FILTERS)).toBe(25)
  })

  it('rejects a cursor reused with other filters', async () => {
    const codec = new CursorCodec()
    const cursor = await codec.encode(25, FILTERS)
    await rejection(codec.decode(cursor, JSON.stringify([null, null, null])))
  })

  it('rejects any changed character', async () => {
    const codec = new CursorCodec()
    const cursor = await codec.encode(25, FILTERS)
    for (let i = 0; i < cursor.length; i++) {
      const c = cursor[i]!
      const swapped = c === 'A' ? 'B' : c === '.' ? '_' : c === '0' ? '1' : 'A'
      await rejection(codec.decode(cursor.slice(0, i) + swapped + cursor.slice(i + 1), FILTERS))
    }
  })

  it('rejects a forged payload with a copied signature', async () => {
    const codec = new CursorCodec()
    const cursor = await codec.encode(25, FILTERS)
    const mac = cursor.split('.')[1]
    const forged = btoa(JSON.stringify({ o: 0, f: FILTERS })).replace(/=+$/, '')
    await rejection(codec.decode(`${forged}.${mac}`, FILTERS))
  })

  it('rejects a cursor from another emulator', async () => {
    const cursor = await new CursorCodec().encode(25, FILTERS)
    await rejection(new CursorCodec().decode(cursor, FILTERS))
  })

  it.each(['', 'abc', 'x'.repeat(5000), '../../etc', '%00'])('rejects junk "%s"', async (junk) => {
    await rejection(new CursorCodec().decode(junk, FILTERS))
  })
})
