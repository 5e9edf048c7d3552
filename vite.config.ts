import { defaultClientConditions, defaultServerConditions } from 'vite'
import { defineConfig } from 'vitest/config'

// One Vitest project per package, so `pnpm test` at the root runs everything.
// The `kirim-source` condition resolves workspace packages to their TypeScript sources.
const resolve = { conditions: ['kirim-source', ...defaultClientConditions] }
const ssr = { resolve: { conditions: ['kirim-source', ...defaultServerConditions] } }

export default defineConfig({
  resolve,
  ssr,
  test: {
    // In CI the JSON report lets .ci/run print one 'N passed, N failed' line.
    reporters: process.env.CI
      ? ['default', ['json', { outputFile: 'artifacts/vitest.json' }]]
      : ['default'],
    projects: [
      {
        resolve,
        ssr,
        test: {
          name: 'emulator',
          root: './packages/emulator',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          environment: 'node',
          // Processed by Vitest so its test can hand it TypeScript 5 (see openapi-types.test.ts).
          server: { deps: { inline: ['openapi-typescript'] } },
        },
      },
      {
        resolve,
        ssr,
        test: {
          name: 'core',
          root: './packages/core',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          environment: 'node',
          typecheck: {
            enabled: true,
            include: ['src/**/*.test-d.ts'],
            tsconfig: './tsconfig.json',
          },
        },
      },
      {
        resolve,
        ssr,
        test: {
          name: 'react',
          root: './packages/react',
          include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          typecheck: {
            enabled: true,
            include: ['src/**/*.test-d.{ts,tsx}'],
            tsconfig: './tsconfig.json',
          },
        },
      },
      {
        resolve,
        ssr,
        test: {
          name: 'cli',
          root: './packages/cli',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        resolve,
        ssr,
        test: {
          name: 'demo',
          root: './apps/demo',
          include: ['test/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
})
