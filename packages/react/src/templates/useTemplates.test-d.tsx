import type { Kirim, KirimError, Page, Template } from '@kirim/core'
import { useSuspenseInfiniteQuery, useSuspenseQuery } from '@tanstack/react-query'
import { describe, expectTypeOf, test } from 'vitest'
import { kirimKeys } from '../keys/kirimKeys.ts'
import { templateBodyParameterCount } from './templateBodyParameterCount.ts'
import { templatesInfiniteQueryOptions } from './templatesInfiniteQueryOptions.ts'
import { templatesQueryOptions } from './templatesQueryOptions.ts'
import { useInfiniteTemplates } from './useInfiniteTemplates.ts'
import { useTemplates } from './useTemplates.ts'

declare const kirim: Kirim

describe('template hooks types', () => {
  test('data and error are typed without annotations', () => {
    const templates = useTemplates({ language: 'id_ID' })
    expectTypeOf(templates.data).toEqualTypeOf<Template[] | undefined>()
    expectTypeOf(templates.error).toEqualTypeOf<KirimError | null>()
    const names = useTemplates({}, { select: (list) => list.map((template) => template.name) })
    expectTypeOf(names.data).toEqualTypeOf<string[] | undefined>()
    expectTypeOf(useSuspenseQuery(templatesQueryOptions(kirim)).data).toEqualTypeOf<Template[]>()
  })

  test('the infinite variant pages core Page<Template>', () => {
    const pages = useInfiniteTemplates({ limit: 20 })
    expectTypeOf(pages.data?.pages).toEqualTypeOf<Page<Template>[] | undefined>()
    expectTypeOf(pages.error).toEqualTypeOf<KirimError | null>()
    expectTypeOf(
      useSuspenseInfiniteQuery(templatesInfiniteQueryOptions(kirim)).data.pages,
    ).toEqualTypeOf<Page<Template>[]>()
  })

  test('params are checked: a status, or all', () => {
    useTemplates({ status: 'all' })
    useTemplates({ status: 'paused', name: 'promo' })
    // @ts-expect-error: not a template status
    useTemplates({ status: 'approvedd' })
    // @ts-expect-error: the hooks page themselves
    useTemplates({ cursor: 'abc' })
  })

  test('keys and helpers', () => {
    expectTypeOf(kirimKeys.message('msg_1')).toEqualTypeOf<readonly ['kirim', 'messages', string]>()
    expectTypeOf(templateBodyParameterCount).returns.toEqualTypeOf<number>()
  })
})
