/**
 * @module `@kirim/react`: React 19 hooks for Kirim on TanStack Query v5. The options factories
 * (`messageQueryOptions`, `templatesQueryOptions`, `sendMessageMutationOptions` …) are the API;
 * the hooks are thin wrappers over them, under a `KirimProvider` inside your own
 * `QueryClientProvider`.
 *
 * @example
 * <QueryClientProvider client={queryClient}>
 *   <KirimProvider client={kirim} events="/api/kirim/events">
 *     <App />
 *   </KirimProvider>
 * </QueryClientProvider>
 *
 * const send = useSendMessage()
 * const templates = useTemplates()
 * const status = useMessageStatus(send.data?.id)
 */
export type { EventsOptions } from './events/EventsOptions.ts'
export { kirimKeys } from './keys/kirimKeys.ts'
export { messagePollingInterval, type PollingOptions } from './messages/messagePollingInterval.ts'
export { messageQueryOptions } from './messages/messageQueryOptions.ts'
export { sendMessageMutationOptions } from './messages/sendMessageMutationOptions.ts'
export { type UseMessageStatusOptions, useMessageStatus } from './messages/useMessageStatus.ts'
export { type UseSendMessageOptions, useSendMessage } from './messages/useSendMessage.ts'
export { KirimProvider, type KirimProviderProps } from './provider/KirimProvider.tsx'
export { useKirim } from './provider/useKirim.ts'
export type { TemplatesParams } from './templates/TemplatesParams.ts'
export { templateBodyParameterCount } from './templates/templateBodyParameterCount.ts'
export { templatesInfiniteQueryOptions } from './templates/templatesInfiniteQueryOptions.ts'
export { templatesQueryOptions } from './templates/templatesQueryOptions.ts'
export { useInfiniteTemplates } from './templates/useInfiniteTemplates.ts'
export { type UseTemplatesOptions, useTemplates } from './templates/useTemplates.ts'
