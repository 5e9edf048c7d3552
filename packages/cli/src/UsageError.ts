/** A command used wrongly (an unknown flag, a missing file, no API key): exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError'
}
