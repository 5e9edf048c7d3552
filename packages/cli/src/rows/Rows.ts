/**
 * The items of a broadcast file, in order: item `i` of the file is item `i` of the broadcast,
 * so its key is `<batch>:<i>` on every run. A row that cannot even be read as a message (a line
 * that is not JSON) keeps its place with what it was, so `sendMany` reports it invalid, and its
 * reading problem is in `problems`.
 */
export interface Rows {
  readonly bodies: readonly unknown[]
  /** Why a row could not be read, by index. */
  readonly problems: ReadonlyMap<number, string>
  /** What item `i` is in the file, for messages: `line 3`, `row 2 (line 3)`. */
  where(index: number): string
}
