/**
 * @module Validates real exchanges against the OpenAPI document the emulator serves, with an
 * independent validator: Ajv in its JSON Schema 2020-12 dialect (OpenAPI 3.1's), compiling the
 * document's own schemas. Nothing here imports the emulator.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import { expect } from 'vitest'
import type { ApiResponse } from '../helpers.ts'

// ajv-formats is CommonJS: its default export arrives as the module object under ESM.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as (ajv: Ajv2020) => Ajv2020

type Json = Record<string, unknown>

export interface OpenApiDocument {
  readonly paths: Record<string, Record<string, Json>>
  readonly components: Record<string, Record<string, Json>>
  readonly [key: string]: unknown
}

/** A documented operation: its method, path template and the statuses it lists. */
export interface Operation {
  readonly operationId: string
  readonly method: string
  readonly path: string
  readonly statuses: readonly string[]
}

/**
 * A copy without `discriminator.mapping`, which Ajv does not support; the `oneOf` beside it
 * is validated all the same (each variant pins its `type` with `const`).
 */
function withoutMappings<T>(value: T): T {
  return JSON.parse(JSON.stringify(value), (key, child) => {
    if (key !== 'discriminator' || child === null || typeof child !== 'object') return child
    const { mapping: _, ...rest } = child as Json
    return rest
  }) as T
}

const pointerKey = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1')

export interface Checker {
  readonly operations: readonly Operation[]
  /** A validator of the schema at a JSON pointer of the document. */
  validator(pointer: string): ValidateFunction
  /**
   * Asserts that `response` is what the document says `operationId` answers: a listed status,
   * every required header present, every header and the body valid against their schemas.
   */
  check(operationId: string, response: ApiResponse<unknown>): void
}

export function createChecker(document: OpenApiDocument): Checker {
  const ajv = new Ajv2020({
    strict: true,
    // `required` inside `not` names properties declared beside it, which strict mode flags.
    strictRequired: false,
    allErrors: true,
    discriminator: true,
  })
  addFormats(ajv)
  // The document's own top-level keys are not schema keywords; Ajv reaches schemas by pointer.
  ajv.addVocabulary(['openapi', 'info', 'servers', 'security', 'paths', 'components'])
  ajv.addSchema(withoutMappings(document), 'openapi')
  const cache = new Map<string, ValidateFunction>()
  const validator = (pointer: string) => {
    let validate = cache.get(pointer)
    if (validate === undefined) {
      validate = ajv.compile({ $ref: `openapi#${pointer}` })
      cache.set(pointer, validate)
    }
    return validate
  }

  /** Follows a local `$ref`, returning the object and the pointer where it lives. */
  const resolve = (value: Json, pointer: string): { value: Json; pointer: string } => {
    const target = value.$ref
    if (typeof target !== 'string') return { value, pointer }
    const parts = target.replace(/^#\//, '').split('/')
    let at: unknown = document
    for (const part of parts) at = (at as Json)[part.replaceAll('~1', '/').replaceAll('~0', '~')]
    return resolve(at as Json, target.slice(1))
  }

  const operations: Operation[] = []
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      operations.push({
        operationId: operation.operationId as string,
        method: method.toUpperCase(),
        path,
        statuses: Object.keys(operation.responses as Json),
      })
    }
  }

  const expectValid = (validate: ValidateFunction, value: unknown, what: string) => {
    const valid = validate(value)
    expect(
      valid,
      `${what}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(value)?.slice(0, 600)}`,
    ).toBe(true)
  }

  const check = (operationId: string, r: ApiResponse<unknown>) => {
    const operation = operations.find((o) => o.operationId === operationId)
    expect(operation, `operation ${operationId} is documented`).toBeDefined()
    const { method, path } = operation!
    const where = `${method} ${path} → ${r.status}`
    const base = `/paths/${pointerKey(path)}/${method.toLowerCase()}/responses/${r.status}`
    const listed = (document.paths[path]![method.toLowerCase()]!.responses as Json)[
      String(r.status)
    ]
    expect(
      listed,
      `${where}: a status the document does not list (${r.text.slice(0, 300)})`,
    ).toBeDefined()
    const response = resolve(listed as Json, base)

    for (const [name, declared] of Object.entries((response.value.headers ?? {}) as Json)) {
      const headerPointer = `${response.pointer}/headers/${pointerKey(name)}`
      const header = resolve(declared as Json, headerPointer)
      const value = r.headers.get(name)
      if (header.value.required === true) expect(value, `${where}: header ${name}`).not.toBeNull()
      if (value === null) continue
      const schema = header.value.schema as Json
      let parsed: unknown = value
      if (schema.type === 'integer') {
        expect(value, `${where}: header ${name} is an integer`).toMatch(/^-?\d+$/)
        parsed = Number(value)
      }
      expectValid(validator(`${header.pointer}/schema`), parsed, `${where}: header ${name}`)
    }

    const content = response.value.content as Json | undefined
    if (content === undefined) return
    expect(r.headers.get('content-type') ?? '', where).toMatch(/^application\/json/)
    expect(r.body, `${where}: a JSON body`).not.toBeUndefined()
    expectValid(
      validator(`${response.pointer}/content/application~1json/schema`),
      r.body,
      `${where}: body`,
    )
  }

  return { operations, validator, check }
}
