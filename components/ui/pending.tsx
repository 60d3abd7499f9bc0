import type { ReactNode } from "react";
import { Spinner } from "./spinner";

/**
 * A data area whose request is in flight: a spinner and what is being fetched, in place of the content, so an empty
 * or stale panel is never mistaken for the answer. role="status" announces it once; aria-busy marks the region.
 */
export function Pending({ children, className = "card empty", testId }: { children: ReactNode; className?: string; testId?: string }) {
  return (
    <div className={`${className} pending`} role="status" aria-busy="true" data-testid={testId}>
      <Spinner />
      {children}
    </div>
  );
}
