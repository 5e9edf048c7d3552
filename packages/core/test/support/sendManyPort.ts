// The port `Messages#sendMany` hands to sendMany's modules, built from the real parts, for the
// tests of those modules on their own.
import { KirimError } from '../../src/errors/KirimError.ts'
import { ValidationError } from '../../src/errors/ValidationError.ts'
import type { HttpClient } from '../../src/http/HttpClient.ts'
import { readRateLimit } from '../../src/http/rateLimit.ts'
import { parseRetryAfter } from '../../src/http/retry.ts'
import { abortedError, attempt } from '../../src/http/transport.ts'
import { abortable } from '../../src/internal/abortable.ts'
import {
  checkFunction,
  checkWholeNumber,
  issue,
  issuesOf,
  requestOptionIssues,
} from '../../src/internal/checkOptions.ts'
import { sleep } from '../../src/internal/sleep.ts'
import { checkSendBody } from '../../src/messages/sendBody.ts'
import type { SendManyPort } from '../../src/messages/sendMany/port.ts'
import {
  describeValue,
  IDEMPOTENCY_KEY_MAX,
  isIdempotencyKey,
  MessageEnvelopeSchema,
} from '../../src/schemas/index.ts'

/** The real port, with no HTTP client (for the checks and the pacer). */
export const realPort = (http = undefined as unknown as HttpClient): SendManyPort => ({
  http,
  from: undefined,
  checkSendBody,
  MessageEnvelopeSchema,
  attempt,
  abortedError,
  ValidationError,
  KirimError,
  readRateLimit,
  parseRetryAfter,
  sleep,
  abortable,
  requestOptionIssues,
  issue,
  issuesOf,
  checkWholeNumber,
  checkFunction,
  describeValue,
  isIdempotencyKey,
  IDEMPOTENCY_KEY_MAX,
})
