'use client'
import { use } from 'react'
import { KirimContext, type KirimContextValue } from './KirimContext.ts'

/** The provider's value; throws a clear error outside a `KirimProvider`. */
export function useKirimContext(hook: string): KirimContextValue {
  const value = use(KirimContext)
  if (value === undefined) {
    throw new Error(
      `${hook} must be used inside <KirimProvider client={kirim}>: wrap your app (inside its <QueryClientProvider>) in one.`,
    )
  }
  return value
}
