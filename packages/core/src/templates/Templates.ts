import { ValidationError } from '../errors/ValidationError.ts'
import type { HttpClient } from '../http/HttpClient.ts'
import { requestOptionIssues } from '../internal/checkOptions.ts'
import { type Page, PagePromise } from '../pagination/PagePromise.ts'
import {
  listEnvelope,
  type Template,
  type TemplateListParams,
  TemplateListParamsSchema,
  TemplateSchema,
  validate,
} from '../schemas/index.ts'
import type { RequestOptions } from '../types/options.ts'

const TemplatePageSchema = /* @__PURE__ */ listEnvelope(TemplateSchema)

/** `kirim.templates`: the WhatsApp templates of your organisation. */
export class Templates {
  readonly #http: HttpClient

  /** @internal Built by `new Kirim(…)`. */
  constructor(http: HttpClient) {
    this.#http = http
  }

  /**
   * Lists templates (`GET /v1/templates`), filtered by `status`, `language` and `name`, `limit`
   * (1–100, default 25) per page. `await` it for the first page, or `for await` it for every
   * template across all pages. The parameters are checked before anything is sent.
   *
   * @example
   * const page = await kirim.templates.list({ status: 'approved', limit: 50 })
   * page.data        // Template[]
   * page.nextCursor  // pass as `cursor` for the next page, or null
   *
   * for await (const template of kirim.templates.list({ language: 'id_ID' })) {
   *   console.log(template.name, template.status)
   * }
   */
  list(params: TemplateListParams = {}, options: RequestOptions = {}): PagePromise<Template> {
    return new PagePromise((cursor) => this.#page(params, cursor, options))
  }

  async #page(
    params: TemplateListParams,
    cursor: string | undefined,
    options: RequestOptions,
  ): Promise<Page<Template>> {
    const input = cursor === undefined ? params : { ...params, cursor }
    const { output, issues } = validate(TemplateListParamsSchema, input)
    const all = [...issues, ...requestOptionIssues(options)]
    if (!output || all.length > 0) throw new ValidationError(all, 'template list parameters')
    // A filter given as `undefined` (a form field left empty) is no filter, not "undefined".
    const set = Object.entries(output).filter(([, value]) => value !== undefined)
    const query = new URLSearchParams(set as [string, string][]).toString()
    const body = await this.#http.request({
      method: 'GET',
      path: query ? `v1/templates?${query}` : 'v1/templates',
      schema: TemplatePageSchema,
      what: 'template page',
      options,
    })
    return {
      data: body.data,
      hasMore: body.has_more,
      nextCursor: body.next_cursor,
      requestId: body.request_id,
    }
  }
}
