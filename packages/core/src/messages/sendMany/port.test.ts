import { describe, expect, it } from 'vitest'
import { realPort } from '../../../test/support/sendManyPort.ts'
import { PORT_KEYS, type PortParts, portOf } from './port.ts'

describe('the port', () => {
  it('names every part once, and portOf gives each back under its name', () => {
    const port = realPort()
    expect([...PORT_KEYS].sort()).toEqual(Object.keys(port).sort())
    expect(new Set(PORT_KEYS).size).toBe(PORT_KEYS.length)
    const parts = PORT_KEYS.map((key) => port[key]) as unknown as PortParts
    expect(portOf(parts)).toEqual(port)
  })
})
