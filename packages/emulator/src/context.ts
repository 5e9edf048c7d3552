import type { Directory } from './auth/organization.ts'
import type { Scheduler } from './clock/scheduler.ts'
import type { Sleeper } from './clock/sleeper.ts'
import type { TimeSource } from './clock/time-source.ts'
import type { TimingProfile } from './clock/timing-profile.ts'
import type { FaultRegistry } from './faults/fault-registry.ts'
import type { IdempotencyGate } from './idempotency/idempotency-gate.ts'
import type { Timing } from './options.ts'
import type { RateLimiter } from './rate-limit/rate-limiter.ts'
import type { EmulatorStore } from './store/store.ts'
import type { CursorCodec } from './templates/cursor.ts'
import type { Template } from './templates/template.ts'
import type { WebhookDispatcher } from './webhooks/dispatcher.ts'

/** Everything a handler needs: the emulator's parts, wired once by `createEmulator`. */
export interface EmulatorContext {
  readonly timing: Timing
  readonly profile: TimingProfile
  readonly time: TimeSource
  readonly scheduler: Scheduler
  readonly sleeper: Sleeper
  readonly store: EmulatorStore
  readonly directory: Directory
  readonly templates: readonly Template[]
  readonly cursors: CursorCodec
  readonly limiter: RateLimiter
  readonly faults: FaultRegistry
  readonly idempotency: IdempotencyGate
  readonly webhooks: WebhookDispatcher
}
