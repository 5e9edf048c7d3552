/** The conversation the customer's phone shows. */
export interface Conversation {
  readonly customer: string
  /** The business number the customer writes to. */
  readonly business: string | undefined
}
