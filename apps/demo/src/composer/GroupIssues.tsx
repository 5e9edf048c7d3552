/** Issues about a whole group (too many rows or buttons, duplicate ids), shown above it. */
import { useIssues } from './issues.ts'

export function GroupIssues({ path }: { readonly path: string }) {
  const messages = useIssues(path)
  if (messages.length === 0) return null
  return (
    <ul className="field__errors group-errors" data-path={path}>
      {messages.map((message) => (
        <li key={message}>{message}</li>
      ))}
    </ul>
  )
}
