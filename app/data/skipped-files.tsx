/** The files a folder load left out, each with its reason. */
export function SkippedFiles({ skipped }: { readonly skipped: readonly { readonly path: string; readonly reason: string }[] }) {
  if (skipped.length === 0) return null;
  return (
    <details className="data-skipped" data-testid="skipped-files" open>
      <summary>{skipped.length === 1 ? '1 file skipped' : `${skipped.length} files skipped`}</summary>
      <ul>
        {skipped.map((s) => (
          <li key={s.path}>
            <code>{s.path}</code>: {s.reason}
          </li>
        ))}
      </ul>
    </details>
  );
}
