/** One webhook signing secret, or several during a rotation (any of them may match). */
export type WebhookSecret = string | readonly string[]

/**
 * What is wrong with `secret`, in words, or `undefined` when it is usable: a non-empty string,
 * or a non-empty array of non-empty strings. The words never quote the secret.
 */
export function secretProblem(secret: WebhookSecret | undefined): string | undefined {
  if (secret === undefined || secret === null) return 'no secret was given (secret is undefined)'
  if (typeof secret === 'string') return secret === '' ? 'secret is an empty string' : undefined
  if (!Array.isArray(secret))
    return `secret must be a string or an array of strings (got ${typeof secret})`
  if (secret.length === 0) return 'secret is an empty array'
  const index = secret.findIndex((item) => typeof item !== 'string' || item === '')
  return index === -1 ? undefined : `secret[${index}] is not a non-empty string`
}
