/**
 * One page of a cursor-paginated list. A plain, serialisable object (it can be cached, or sent
 * from a server loader to the browser as is).
 */
export interface Page<T> {
  /** The items of this page, in the API's order. */
  readonly data: readonly T[]
  /** Whether another page follows. */
  readonly hasMore: boolean
  /**
   * The API's `next_cursor`, verbatim: pass it back as `cursor` for the next page (with the same
   * filters). `null` on the last page.
   */
  readonly nextCursor: string | null
  /** The `req_…` id of the request that fetched this page. */
  readonly requestId: string
}

/**
 * What a list call returns: `await` it for the first page, or `for await` it for every item of
 * every page (fetched one page at a time, as the loop asks for them). `.pages()` iterates whole
 * pages. Nothing is requested until you do one of these; the first page is fetched only once.
 *
 * @example
 * const first = await kirim.templates.list({ status: 'approved' })   // Page<Template>
 * for await (const template of kirim.templates.list()) console.log(template.name)
 * for await (const page of kirim.templates.list({ limit: 100 }).pages()) console.log(page.data.length)
 */
export class PagePromise<T> implements Promise<Page<T>>, AsyncIterable<T> {
  readonly #fetchPage: (cursor: string | undefined) => Promise<Page<T>>
  #first: Promise<Page<T>> | undefined

  /** @internal Built by the resources' `list` methods. */
  constructor(fetchPage: (cursor: string | undefined) => Promise<Page<T>>) {
    this.#fetchPage = fetchPage
  }

  // With `then`, `catch` and `finally`, this makes it a Promise to the type system too, so
  // `queryFn: () => kirim.templates.list()` infers `Page<Template>`, not the page promise.
  get [Symbol.toStringTag](): string {
    return 'PagePromise'
  }

  #firstPage(): Promise<Page<T>> {
    this.#first ??= this.#fetchPage(undefined)
    return this.#first
  }

  // biome-ignore lint/suspicious/noThenProperty: a page promise is awaitable by design.
  then<TResult1 = Page<T>, TResult2 = never>(
    onfulfilled?: ((page: Page<T>) => TResult1 | PromiseLike<TResult1>) | null,
    onrejected?: ((reason: unknown) => TResult2 | PromiseLike<TResult2>) | null,
  ): Promise<TResult1 | TResult2> {
    return this.#firstPage().then(onfulfilled, onrejected)
  }

  /** Like `Promise.prototype.catch`, for the first page. */
  catch<TResult = never>(
    onrejected?: ((reason: unknown) => TResult | PromiseLike<TResult>) | null,
  ): Promise<Page<T> | TResult> {
    return this.then(undefined, onrejected)
  }

  /** Like `Promise.prototype.finally`, for the first page. */
  finally(onfinally?: (() => void) | null): Promise<Page<T>> {
    return this.#firstPage().finally(onfinally)
  }

  /** Every page, from the first to the one whose `hasMore` is false. */
  async *pages(): AsyncGenerator<Page<T>, void, undefined> {
    let page = await this.#firstPage()
    yield page
    while (page.hasMore && page.nextCursor !== null) {
      page = await this.#fetchPage(page.nextCursor)
      yield page
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    for await (const page of this.pages()) yield* page.data
  }
}
