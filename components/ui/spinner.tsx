/** The spinner of every pending action and loading panel (styled by .spinner in app/globals.css). */
export function Spinner() {
  return <span className="spinner" aria-hidden="true" />;
}
