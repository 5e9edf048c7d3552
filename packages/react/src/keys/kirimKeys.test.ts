import { QueryClient } from '@tanstack/react-query'
import { describe, expect, test } from 'vitest'
import { kirimKeys, messageIdOf } from './kirimKeys.ts'

describe('kirimKeys', () => {
  test('goes from broad to narrow', () => {
    expect(kirimKeys.all).toEqual(['kirim'])
    expect(kirimKeys.messages()).toEqual(['kirim', 'messages'])
    expect(kirimKeys.message('msg_1')).toEqual(['kirim', 'messages', 'msg_1'])
    expect(kirimKeys.templates()).toEqual(['kirim', 'templates'])
    expect(kirimKeys.templateList({ status: 'approved' })).toEqual([
      'kirim',
      'templates',
      { status: 'approved' },
    ])
    expect(kirimKeys.templatePages({ status: 'approved' })).toEqual([
      'kirim',
      'templates',
      'infinite',
      { status: 'approved' },
    ])
    expect(kirimKeys.sendMessage()).toEqual(['kirim', 'messages', 'send'])
  })

  test('one prefix invalidates its subtree and nothing else', async () => {
    const queryClient = new QueryClient()
    const keys = [
      kirimKeys.message('msg_1'),
      kirimKeys.message('msg_2'),
      kirimKeys.templateList({ status: 'approved' }),
      kirimKeys.templatePages({ status: 'all', language: 'id_ID' }),
      ['not', 'kirim'],
    ]
    for (const key of keys) queryClient.setQueryData(key, 1)
    const invalidated = () => keys.map((key) => queryClient.getQueryState(key)?.isInvalidated)

    await queryClient.invalidateQueries({ queryKey: kirimKeys.templates() })
    expect(invalidated()).toEqual([false, false, true, true, false])
    await queryClient.invalidateQueries({ queryKey: kirimKeys.messages() })
    expect(invalidated()).toEqual([true, true, true, true, false])
    await queryClient.resetQueries()
    for (const key of keys) queryClient.setQueryData(key, 1)
    await queryClient.invalidateQueries({ queryKey: kirimKeys.all })
    expect(invalidated()).toEqual([true, true, true, true, false])
  })

  test('messageIdOf reads the id back from a message key, and only from one', () => {
    expect(messageIdOf(kirimKeys.message('msg_1'))).toBe('msg_1')
    expect(messageIdOf(kirimKeys.messages())).toBeUndefined()
    expect(messageIdOf(kirimKeys.templateList({}))).toBeUndefined()
    expect(messageIdOf(['other', 'messages', 'msg_1'])).toBeUndefined()
    expect(messageIdOf([...kirimKeys.message('msg_1'), 'extra'])).toBeUndefined()
  })
})
