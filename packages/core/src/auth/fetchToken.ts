import { InvalidResponseError } from '../errors/InvalidResponseError.ts'
import { HttpClient, type HttpClientOptions } from '../http/HttpClient.ts'
import { TokenResponseSchema } from '../schemas/index.ts'
import type { IssuedToken } from '../types/options.ts'
import { redactIssues } from './redactIssues.ts'

/**
 * The issuer behind `tokenUrl`: POSTs to it (no body) and checks the answer is
 * `{ token, expiresIn }` (`TokenResponseSchema`: the token must fit a header).
 *
 * Only network failures are retried: minting is cheap to repeat, but an error answer (401 from
 * an expired session, 403 from `authorize`) will not change by asking again. In a browser the
 * POST carries `credentials: 'include'` so the app's session cookie reaches the endpoint even on
 * another origin (the endpoint must then answer with `Access-Control-Allow-Credentials: true`);
 * elsewhere there are no cookies to send, and some edge runtimes reject the option.
 */
export const tokenUrlIssuer = (
  tokenUrl: string,
  options: Omit<HttpClientOptions, 'baseUrl' | 'credentials'>,
): (() => Promise<IssuedToken>) => {
  const endpoint = new HttpClient({ ...options, baseUrl: tokenUrl, credentials: undefined })
  return () =>
    endpoint
      .request({ method: 'POST', path: '', schema: TokenResponseSchema, what: 'token response' })
      .catch(redactTokenResponse)
}

// A token response that breaks the contract may still hold a token (`access_token`, a bare
// string, a text body): keep where it broke and the rule, never the body or a quoted value.
const redactTokenResponse = (error: unknown): never => {
  if (!(error instanceof InvalidResponseError)) throw error
  const { status, requestId } = error
  throw new InvalidResponseError(redactIssues(error.issues), {
    status,
    requestId,
    what: 'token response',
  })
}
