import { describe, expect, it } from 'vitest'
import { Sleeper } from './sleeper.ts'

describe('Sleeper', () => {
  it('sleeps, and cancelAll ends every sleep early with false', async () => {
    const sleeper = new Sleeper()
    expect(await sleeper.sleep(5)).toBe(true)
    const long = sleeper.sleep(60_000)
    sleeper.cancelAll()
    expect(await long).toBe(false)
  })

  it('sleeps 0 ms without a timer: done before the next macrotask', async () => {
    const sleeper = new Sleeper()
    let macrotaskRan = false
    setImmediate(() => {
      macrotaskRan = true
    })
    expect(await sleeper.sleep(0)).toBe(true)
    expect(macrotaskRan).toBe(false)
  })

  it('within: true when the promise settles first, false on timeout', async () => {
    const sleeper = new Sleeper()
    expect(await sleeper.within(Promise.resolve(), 1000)).toBe(true)
    expect(await sleeper.within(Promise.reject(new Error('x')), 1000)).toBe(true)
    expect(await sleeper.within(new Promise(() => {}), 5)).toBe(false)
  })
})
