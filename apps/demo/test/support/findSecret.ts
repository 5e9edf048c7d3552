/**
 * Looks for a secret in recorded text, also where it would hide in encoded form: URL-encoded,
 * and inside base64 / base64url runs (a JWT's payload, a data: URL, a base64 header).
 */
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'

const BASE64_RUN = /[A-Za-z0-9+/_-]{16,}={0,2}/g

/** The readings of `text` a secret could appear in. */
function readings(text: string): string[] {
  const out = [text]
  try {
    out.push(decodeURIComponent(text))
  } catch {
    // Not URL-encoded throughout: the raw text is still searched.
  }
  for (const run of text.match(BASE64_RUN) ?? []) {
    for (const offset of [0, 1, 2, 3]) {
      const slice = run.slice(offset).replace(/=+$/, '')
      out.push(
        Buffer.from(slice.replaceAll('-', '+').replaceAll('_', '/'), 'base64').toString('latin1'),
      )
    }
  }
  return out
}

/** The labels of the texts that contain `secret` in any reading. */
export function findSecret(texts: ReadonlyMap<string, string>, secret: string): string[] {
  const found: string[] = []
  for (const [label, text] of texts) {
    if (readings(text).some((reading) => reading.includes(secret))) found.push(label)
  }
  return found
}

/** Every file under `dir`, by relative path, as text. */
export async function readTree(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>()
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const path = join(entry.parentPath, entry.name)
    files.set(path.slice(dir.length + 1), await readFile(path, 'latin1'))
  }
  return files
}
