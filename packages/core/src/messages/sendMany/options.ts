import type { ValidationIssue } from '../../errors/ValidationError.ts'
import { checkBatch } from './batchKey.ts'
import type { SendManyPort } from './port.ts'

/**
 * Items in flight by default. The rate limit sets the pace, not this: at 200 ms a send, 4 in
 * flight already make 20 sends a second, over the Pro tier's 10 (600 a minute).
 */
export const DEFAULT_CONCURRENCY = 4

/**
 * The most items in flight. More only queues on the rate limit and the connection pool (a
 * browser opens 6 connections to a host over HTTP/1.1).
 */
export const MAX_CONCURRENCY = 64

const isIterable = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  (Symbol.iterator in value || Symbol.asyncIterator in value)

/**
 * Every issue with the arguments of `sendMany(bodies, options)`, none when all hold: `signal`,
 * `timeout` and `maxRetries` by the rules every call's options follow, and sendMany's own.
 */
export const sendManyIssues = (
  port: SendManyPort,
  bodies: unknown,
  options: unknown,
): ValidationIssue[] => {
  const { issue, issuesOf, describeValue, checkWholeNumber, checkFunction } = port
  const source = issuesOf(
    isIterable(bodies) ||
      issue(
        'bodies',
        `must be an array, an iterable or an async iterable of message bodies (got ${describeValue(bodies)})`,
      ),
  )
  return [
    ...source,
    // `batch` is required, so no options at all are checked as empty ones.
    ...port.requestOptionIssues(options ?? {}, ({ batch, concurrency, onProgress, clock }) => [
      checkBatch(port, 'options.batch', batch),
      checkWholeNumber('options.concurrency', concurrency, 1, MAX_CONCURRENCY),
      checkFunction('options.onProgress', onProgress),
      clock === undefined ||
        (typeof clock === 'object' &&
          clock !== null &&
          typeof (clock as Record<string, unknown>).now === 'function' &&
          typeof (clock as Record<string, unknown>).sleep === 'function') ||
        issue(
          'options.clock',
          `must be an object with the methods now() and sleep(ms, signal) (got ${describeValue(clock)})`,
        ),
    ]),
  ]
}
