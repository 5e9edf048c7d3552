import type { KirimError } from '../../errors/KirimError.ts'
import type { ValidationError } from '../../errors/ValidationError.ts'
import type { HttpClient } from '../../http/HttpClient.ts'
import type { readRateLimit } from '../../http/rateLimit.ts'
import type { parseRetryAfter } from '../../http/retry.ts'
import type { abortedError, attempt } from '../../http/transport.ts'
import type { abortable } from '../../internal/abortable.ts'
import type {
  checkFunction,
  checkWholeNumber,
  issue,
  issuesOf,
  requestOptionIssues,
} from '../../internal/checkOptions.ts'
import type { sleep } from '../../internal/sleep.ts'
import type { describeValue } from '../../schemas/describe.ts'
import type { MessageEnvelopeSchema } from '../../schemas/index.ts'
import type { IDEMPOTENCY_KEY_MAX, isIdempotencyKey } from '../../schemas/rules.ts'
import type { checkSendBody } from '../sendBody.ts'

/**
 * The parts of the client `sendMany` works with, handed over by `Messages#sendMany` when it is
 * called: its rules and its HTTP layer, each still in its one place.
 *
 * Why not imports: a module that the send path and the lazily loaded `sendMany` both import
 * makes a bundler (esbuild, Rollup, Rolldown alike) move it into a third chunk that the two
 * share, and the send path then pays for the import and export glue: about 1.2 KB gzip here.
 * So the modules of `sendMany/` import nothing of the package at run time (a packaging test
 * checks the build), and the send path carries only the `import()` and the parts list.
 */
export interface SendManyPort {
  readonly http: HttpClient
  /** The client's default sender. */
  readonly from: string | undefined
  readonly checkSendBody: typeof checkSendBody
  readonly MessageEnvelopeSchema: typeof MessageEnvelopeSchema
  readonly attempt: typeof attempt
  readonly abortedError: typeof abortedError
  readonly ValidationError: typeof ValidationError
  readonly KirimError: typeof KirimError
  readonly readRateLimit: typeof readRateLimit
  readonly parseRetryAfter: typeof parseRetryAfter
  readonly sleep: typeof sleep
  readonly abortable: typeof abortable
  readonly requestOptionIssues: typeof requestOptionIssues
  readonly issue: typeof issue
  readonly issuesOf: typeof issuesOf
  readonly checkWholeNumber: typeof checkWholeNumber
  readonly checkFunction: typeof checkFunction
  readonly describeValue: typeof describeValue
  readonly isIdempotencyKey: typeof isIdempotencyKey
  readonly IDEMPOTENCY_KEY_MAX: typeof IDEMPOTENCY_KEY_MAX
}

/** The names of {@link SendManyPort}, in the order the send path lists the parts. */
export const PORT_KEYS = [
  'http',
  'from',
  'checkSendBody',
  'MessageEnvelopeSchema',
  'attempt',
  'abortedError',
  'ValidationError',
  'KirimError',
  'readRateLimit',
  'parseRetryAfter',
  'sleep',
  'abortable',
  'requestOptionIssues',
  'issue',
  'issuesOf',
  'checkWholeNumber',
  'checkFunction',
  'describeValue',
  'isIdempotencyKey',
  'IDEMPOTENCY_KEY_MAX',
] as const satisfies readonly (keyof SendManyPort)[]

/**
 * The port as the send path hands it over: its parts listed in the order of {@link PORT_KEYS},
 * since minifiers keep property names and twenty of them cost the send path 130 bytes gzip.
 * Every part has its own type, so a list out of order does not compile.
 */
export type PortParts = PartsOf<typeof PORT_KEYS>

/** The types of the parts named by `Keys`, as a tuple in their order. */
type PartsOf<Keys extends readonly (keyof SendManyPort)[]> = {
  readonly [I in keyof Keys]: SendManyPort[Keys[I] & keyof SendManyPort]
}

/** The port, by name, from the send path's list. */
export const portOf = (parts: PortParts): SendManyPort =>
  Object.fromEntries(PORT_KEYS.map((key, index) => [key, parts[index]])) as unknown as SendManyPort
