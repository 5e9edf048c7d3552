'use client'
import type { Kirim } from '@kirim/core'
import { createContext } from 'react'
import type { StatusStream } from '../events/StatusStream.ts'

/** What `KirimProvider` shares with the hooks below it. */
export interface KirimContextValue {
  readonly client: Kirim
  /** The shared status event stream; `undefined` when the provider has no `events`. */
  readonly stream: StatusStream | undefined
}

export const KirimContext = /* @__PURE__ */ createContext<KirimContextValue | undefined>(undefined)
