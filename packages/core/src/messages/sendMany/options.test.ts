import { describe, expect, it } from 'vitest'
import { realPort } from '../../../test/support/sendManyPort.ts'
import { DEFAULT_CONCURRENCY, MAX_CONCURRENCY, sendManyIssues } from './options.ts'

const port = realPort()
const body = { to: '+628111111111', type: 'text', text: { body: 'Halo' } }
const clock = { now: () => 0, sleep: async () => {} }
const paths = (bodies: unknown, options: unknown) =>
  sendManyIssues(port, bodies, options).map((issue) => issue.path)

describe('sendManyIssues', () => {
  it('accepts every kind of source: an array, a Set, a generator, an async generator', () => {
    async function* rows() {
      yield body
    }
    function* list() {
      yield body
    }
    for (const bodies of [[body], new Set([body]), list(), rows(), []]) {
      expect(sendManyIssues(port, bodies, { batch: 'b' })).toEqual([])
    }
  })

  it('refuses a source that is not iterable, a string included', () => {
    for (const bodies of [undefined, null, 'rows.jsonl', 42, { length: 1 }, () => [body]]) {
      expect(sendManyIssues(port, bodies, { batch: 'b' })).toEqual([
        {
          path: 'bodies',
          message: expect.stringMatching(
            /^must be an array, an iterable or an async iterable of message bodies \(got .+\)$/,
          ),
        },
      ])
    }
  })

  it('requires options with a batch', () => {
    expect(paths([body], undefined)).toEqual(['options.batch'])
    expect(paths([body], {})).toEqual(['options.batch'])
    expect(sendManyIssues(port, [body], 'b')).toEqual([
      { path: 'options', message: 'must be an object (got "b")' },
    ])
  })

  it('takes concurrency from 1 to 64, 4 by default', () => {
    expect(DEFAULT_CONCURRENCY).toBe(4)
    expect(MAX_CONCURRENCY).toBe(64)
    for (const concurrency of [1, 4, 64])
      expect(paths([body], { batch: 'b', concurrency })).toEqual([])
    for (const concurrency of [0, 65, 1.5, -1, '4', Number.NaN]) {
      expect(sendManyIssues(port, [body], { batch: 'b', concurrency })).toEqual([
        {
          path: 'options.concurrency',
          message: expect.stringMatching(/^must be a whole number from 1 to 64 \(got .+\)$/),
        },
      ])
    }
  })

  it('checks signal, timeout and maxRetries by the rules of every call, and the clock and callback', () => {
    expect(
      paths([body], {
        batch: 'b',
        signal: new AbortController().signal,
        timeout: 1000,
        maxRetries: 10,
        onProgress: () => {},
        clock,
      }),
    ).toEqual([])
    expect(
      sendManyIssues(port, [body], {
        batch: 'b',
        signal: 'stop',
        timeout: 0,
        maxRetries: 11,
        onProgress: 'log',
        clock: { now: () => 0 },
      }),
    ).toEqual([
      { path: 'options.signal', message: 'must be an AbortSignal' },
      {
        path: 'options.timeout',
        message: expect.stringMatching(/^must be a number of milliseconds/),
      },
      { path: 'options.maxRetries', message: 'must be a whole number from 0 to 10 (got 11)' },
      { path: 'options.onProgress', message: 'must be a function (got "log")' },
      {
        path: 'options.clock',
        message: 'must be an object with the methods now() and sleep(ms, signal) (got an object)',
      },
    ])
  })

  it('lists every problem at once, the source first', () => {
    expect(paths('rows', { concurrency: 0, clock: 1 })).toEqual([
      'bodies',
      'options.batch',
      'options.concurrency',
      'options.clock',
    ])
  })
})
