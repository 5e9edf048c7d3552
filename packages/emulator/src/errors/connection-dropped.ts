/**
 * Thrown (as a rejection of `emulator.fetch`) when a `drop_before` or `drop_after` fault
 * cuts the connection. It is a `TypeError`, like the error a real `fetch` raises on a
 * network failure, so an SDK treats it exactly as it would a dropped socket. The Node
 * adapter (`serve`) turns it into a destroyed socket with no response.
 *
 * @example
 * await emulator.fetch(request).catch((error) => error instanceof ConnectionDroppedError)
 */
export class ConnectionDroppedError extends TypeError {
  override readonly name = 'ConnectionDroppedError'
  /** Which fault dropped the connection. */
  readonly fault: 'drop_before' | 'drop_after'

  constructor(fault: 'drop_before' | 'drop_after') {
    super(
      fault === 'drop_before'
        ? 'The emulator dropped the connection before processing the request (fault: drop_before).'
        : 'The emulator processed the request, then dropped the connection (fault: drop_after).',
    )
    this.fault = fault
  }
}
