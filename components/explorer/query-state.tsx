/** Loading and error placeholders shared by the explorer's cards. */
export function Loading({ height = 120, label = "Loading…" }: { height?: number; label?: string }) {
  return (
    <div className="skeleton" style={{ height }} aria-busy="true" aria-label={label}>
      <span className="sr-only">{label}</span>
    </div>
  );
}

export function ErrorBox({ error }: { error: unknown }) {
  const message = error instanceof Error ? error.message : "Something went wrong";
  return (
    <div className="error-box" role="alert">
      Could not load this: {message}
    </div>
  );
}
