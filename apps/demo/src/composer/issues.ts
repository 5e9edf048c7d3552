/**
 * Validation issues on the composer's fields. Each input carries the body path it fills as
 * `data-path`, so an issue of `@kirim/core` (or the `param` of an API error) finds its input.
 */
import type { ValidationIssue } from '@kirim/core'
import { createContext, useContext } from 'react'

/** Issue messages by body path. */
export type IssueMap = ReadonlyMap<string, readonly string[]>

/** Groups issues by path (an input may break several rules at once). */
export function groupIssues(issues: readonly ValidationIssue[]): IssueMap {
  const map = new Map<string, string[]>()
  for (const { path, message } of issues) map.set(path, [...(map.get(path) ?? []), message])
  return map
}

export const IssuesContext = createContext<IssueMap>(new Map())

/** The messages of the issues on any of `paths`. */
export function useIssues(...paths: readonly string[]): readonly string[] {
  const issues = useContext(IssuesContext)
  return paths.flatMap((path) => issues.get(path) ?? [])
}

/** The path without its last segment (`a.b[2]` → `a.b`, `a.b` → `a`), or `''` at the root. */
const parentOf = (path: string): string => path.replace(/(?:\.[^.[\]]+|\[\d+\])$/, '')

/**
 * The input an issue is about: the one with its exact path, else the first inside it (an issue on
 * `interactive.action.sections[0].rows` goes to the first row), else the nearest one above it.
 */
export function findInput(root: ParentNode, path: string): HTMLElement | null {
  const exact = (candidate: string) =>
    root.querySelector<HTMLElement>(`[data-path="${CSS.escape(candidate)}"]`)
  const inside = root.querySelector<HTMLElement>(
    `[data-path^="${CSS.escape(`${path}.`)}"], [data-path^="${CSS.escape(`${path}[`)}"]`,
  )
  if (exact(path) !== null) return exact(path)
  if (path !== '' && inside !== null) return inside
  for (let current = parentOf(path); current !== ''; current = parentOf(current)) {
    const found = exact(current)
    if (found !== null) return found
  }
  return null
}
