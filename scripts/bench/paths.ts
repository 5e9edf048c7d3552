/**
 * @module
 * Where the built packages are. The bench runs after `pnpm build` and measures `dist/`,
 * what users install, never the TypeScript sources.
 */
import { fileURLToPath } from 'node:url'

/** `packages/core`. */
export const coreDir = fileURLToPath(new URL('../../packages/core/', import.meta.url))
