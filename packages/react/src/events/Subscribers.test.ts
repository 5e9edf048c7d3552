import { describe, expect, test } from 'vitest'
import { Subscribers } from './Subscribers.ts'

const tick = () => new Promise<void>((resolve) => queueMicrotask(resolve))

const counted = () => {
  const calls: string[] = []
  const subscribers = new Subscribers(
    () => calls.push('active'),
    () => calls.push('idle'),
  )
  return { calls, subscribers }
}

describe('Subscribers', () => {
  test('active with the first hold, idle a microtask after the last one is let go', async () => {
    const { calls, subscribers } = counted()
    const first = subscribers.hold()
    const second = subscribers.hold()
    expect(calls).toEqual(['active'])
    first()
    await tick()
    expect(calls).toEqual(['active'])
    second()
    expect(calls).toEqual(['active'])
    await tick()
    expect(calls).toEqual(['active', 'idle'])
    subscribers.hold()
    expect(calls).toEqual(['active', 'idle', 'active'])
  })

  test('a hold let go and taken again in the same tick (StrictMode) stays active, without a second start', async () => {
    const { calls, subscribers } = counted()
    subscribers.hold()()
    const release = subscribers.hold()
    await tick()
    expect(calls).toEqual(['active'])
    release()
    await tick()
    expect(calls).toEqual(['active', 'idle'])
  })

  test('letting go twice counts once', async () => {
    const { calls, subscribers } = counted()
    const first = subscribers.hold()
    const second = subscribers.watch('msg_a')
    first()
    first()
    await tick()
    expect(calls).toEqual(['active'])
    expect([...subscribers.watched()]).toEqual(['msg_a'])
    second()
    second()
    await tick()
    expect(calls).toEqual(['active', 'idle'])
  })

  test('an id stays watched while any of its watchers remains', () => {
    const { subscribers } = counted()
    const a1 = subscribers.watch('msg_a')
    const a2 = subscribers.watch('msg_a')
    const b = subscribers.watch('msg_b')
    expect([...subscribers.watched()]).toEqual(['msg_a', 'msg_b'])
    a1()
    b()
    expect([...subscribers.watched()]).toEqual(['msg_a'])
    a2()
    expect([...subscribers.watched()]).toEqual([])
  })
})
