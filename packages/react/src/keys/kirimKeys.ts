import type { TemplatesParams } from '../templates/TemplatesParams.ts'

/**
 * The query keys of `@kirim/react`, broad to narrow, so one prefix invalidates a whole subtree
 * (TanStack's query-key-factory pattern).
 *
 * @example
 * queryClient.invalidateQueries({ queryKey: kirimKeys.all })          // everything Kirim
 * queryClient.invalidateQueries({ queryKey: kirimKeys.templates() })  // every template list
 * queryClient.getQueryData(kirimKeys.message('msg_01HX…'))            // one message
 */
export const kirimKeys = {
  /** `['kirim']`: every Kirim query. */
  all: ['kirim'] as const,
  /** `['kirim', 'messages']`: every message. */
  messages: () => [...kirimKeys.all, 'messages'] as const,
  /** `['kirim', 'messages', id]`: one message and its status. */
  message: (id: string) => [...kirimKeys.messages(), id] as const,
  /** `['kirim', 'messages', 'send']`: the mutation key of every send (for `useMutationState`, `useIsMutating`). */
  sendMessage: () => [...kirimKeys.messages(), 'send'] as const,
  /** `['kirim', 'templates']`: every template list, paged or not. */
  templates: () => [...kirimKeys.all, 'templates'] as const,
  /** `['kirim', 'templates', filters]`: all pages of one filtered template list. */
  templateList: (filters: TemplatesParams) => [...kirimKeys.templates(), filters] as const,
  /** `['kirim', 'templates', 'infinite', filters]`: one filtered template list, page by page. */
  templatePages: (filters: TemplatesParams) =>
    [...kirimKeys.templates(), 'infinite', filters] as const,
}

/** The message id of a `kirimKeys.message(id)` query key, `undefined` for any other key. */
export function messageIdOf(queryKey: readonly unknown[]): string | undefined {
  const prefix = kirimKeys.messages()
  const id = queryKey[prefix.length]
  return queryKey.length === prefix.length + 1 &&
    prefix.every((part, index) => queryKey[index] === part) &&
    typeof id === 'string'
    ? id
    : undefined
}
