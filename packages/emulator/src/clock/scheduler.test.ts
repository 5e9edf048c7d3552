import { describe, expect, it } from 'vitest'
import { Scheduler } from './scheduler.ts'
import { createTimeSource } from './time-source.ts'

const manual = (start = 1_000_000) => {
  const time = createTimeSource('manual', start)
  const errors: unknown[] = []
  return { time, errors, scheduler: new Scheduler(time, false, (e) => errors.push(e)) }
}

describe('Scheduler in manual timing', () => {
  it('runs nothing until advanced', async () => {
    const { scheduler } = manual()
    const ran: string[] = []
    scheduler.schedule(1_000_000, () => {
      ran.push('now')
    })
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(ran).toEqual([])
    await scheduler.advance(0)
    expect(ran).toEqual(['now'])
  })

  it('runs due tasks in order of due time, then insertion, with the clock at each due time', async () => {
    const { scheduler, time } = manual(0)
    const ran: [string, number][] = []
    const record = (name: string) => () => {
      ran.push([name, time.now()])
    }
    scheduler.schedule(300, record('c'))
    scheduler.schedule(100, record('a'))
    scheduler.schedule(200, record('b1'))
    scheduler.schedule(200, record('b2'))
    scheduler.schedule(500, record('late'))
    await scheduler.advance(300)
    expect(ran).toEqual([
      ['a', 100],
      ['b1', 200],
      ['b2', 200],
      ['c', 300],
    ])
    expect(time.now()).toBe(300)
    expect(scheduler.size).toBe(1)
  })

  it('runs tasks scheduled by tasks when they fall due within the same advance', async () => {
    const { scheduler, time } = manual(0)
    const ran: number[] = []
    const chain = (n: number) => () => {
      ran.push(time.now())
      if (n > 0) scheduler.schedule(time.now() + 10, chain(n - 1))
    }
    scheduler.schedule(10, chain(5))
    await scheduler.advance(35)
    expect(ran).toEqual([10, 20, 30])
    await scheduler.advance(100)
    expect(ran).toEqual([10, 20, 30, 40, 50, 60])
  })

  it('awaits async tasks before running the next', async () => {
    const { scheduler } = manual(0)
    const log: string[] = []
    scheduler.schedule(1, async () => {
      log.push('a start')
      await new Promise((resolve) => setTimeout(resolve, 5))
      log.push('a end')
    })
    scheduler.schedule(2, () => {
      log.push('b')
    })
    await scheduler.advance(2)
    expect(log).toEqual(['a start', 'a end', 'b'])
  })

  it('reports a failing task and goes on', async () => {
    const { scheduler, errors } = manual(0)
    const ran: string[] = []
    scheduler.schedule(1, () => {
      throw new Error('boom')
    })
    scheduler.schedule(2, () => {
      ran.push('after')
    })
    await scheduler.advance(5)
    expect(errors).toHaveLength(1)
    expect(ran).toEqual(['after'])
  })

  it('cancels a task', async () => {
    const { scheduler } = manual(0)
    const ran: string[] = []
    const cancel = scheduler.schedule(1, () => {
      ran.push('x')
    })
    cancel()
    await scheduler.advance(5)
    expect(ran).toEqual([])
  })

  it('counts only waiting tasks, and a late cancel changes nothing', async () => {
    const { scheduler } = manual(0)
    const ran: string[] = []
    const cancelFirst = scheduler.schedule(1, () => {
      ran.push('first')
    })
    const cancelSecond = scheduler.schedule(2, () => {
      ran.push('second')
    })
    scheduler.schedule(3, () => {
      ran.push('third')
    })
    expect(scheduler.size).toBe(3)
    cancelSecond()
    cancelSecond()
    expect(scheduler.size).toBe(2)
    await scheduler.advance(1)
    cancelFirst()
    expect(scheduler.size).toBe(1)
    await scheduler.advance(5)
    expect(ran).toEqual(['first', 'third'])
    expect(scheduler.size).toBe(0)
  })

  it('keeps due-then-insertion order over many tasks scheduled out of order', async () => {
    const { scheduler, time } = manual(0)
    const count = 20_000
    const ran: [number, number][] = []
    // A fixed permutation of due times with many ties (dues 0..999, 20 tasks each).
    for (let i = 0; i < count; i++) {
      const due = (i * 7919) % 1000
      scheduler.schedule(due, () => {
        ran.push([time.now(), i])
      })
    }
    expect(scheduler.size).toBe(count)
    await scheduler.advance(1000)
    expect(ran).toHaveLength(count)
    const sorted = [...ran].sort((a, b) => a[0] - b[0] || a[1] - b[1])
    expect(ran).toEqual(sorted)
    expect(ran.map(([due, i]) => due === (i * 7919) % 1000).every(Boolean)).toBe(true)
  })

  it('hands a task its value, so many tasks can share one function', async () => {
    const { scheduler } = manual(0)
    const seen: string[] = []
    const record = (value: string) => {
      seen.push(value)
    }
    scheduler.schedule(2, record, 'second')
    scheduler.schedule(1, record, 'first')
    await scheduler.advance(2)
    expect(seen).toEqual(['first', 'second'])
  })

  it('serialises concurrent advances', async () => {
    const { scheduler, time } = manual(0)
    await Promise.all([scheduler.advance(10), scheduler.advance(10)])
    expect(time.now()).toBe(20)
  })

  it('drops every task on close and schedules nothing after', async () => {
    const { scheduler } = manual(0)
    const ran: string[] = []
    scheduler.schedule(1, () => {
      ran.push('x')
    })
    await scheduler.close()
    scheduler.schedule(1, () => {
      ran.push('y')
    })
    await scheduler.advance(10)
    expect(ran).toEqual([])
    expect(scheduler.size).toBe(0)
  })
})

describe('Scheduler in real-time timing', () => {
  it('wakes on its own when a task falls due', async () => {
    const time = createTimeSource('fast', undefined)
    const scheduler = new Scheduler(time, true, () => {})
    const done = new Promise<number>((resolve) =>
      scheduler.schedule(time.now() + 20, () => resolve(time.now())),
    )
    const start = time.now()
    expect(await done).toBeGreaterThanOrEqual(start + 15)
    await scheduler.close()
  })

  it('runs far-off tasks at once when the clock is advanced past them', async () => {
    const time = createTimeSource('fast', undefined)
    const scheduler = new Scheduler(time, true, () => {})
    const ran: string[] = []
    scheduler.schedule(time.now() + 3_600_000, () => {
      ran.push('hour')
    })
    scheduler.schedule(time.now() + 86_400_000, () => {
      ran.push('day')
    })
    await scheduler.advance(3_600_000)
    expect(ran).toEqual(['hour'])
    await scheduler.close()
    expect(scheduler.size).toBe(0)
  })
})
