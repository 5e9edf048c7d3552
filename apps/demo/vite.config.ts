import react from '@vitejs/plugin-react'
import { defaultClientConditions, defineConfig } from 'vite'
import { kirimDemo } from './server/kirimPlugin.ts'

// The page resolves the workspace packages to their TypeScript sources (`kirim-source`), so the
// demo runs on a fresh clone without building them first.
export default defineConfig({
  plugins: [react(), kirimDemo()],
  resolve: { conditions: ['kirim-source', ...defaultClientConditions] },
})
