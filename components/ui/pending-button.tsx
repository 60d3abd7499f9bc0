"use client";
import type { ButtonHTMLAttributes, ReactNode } from "react";
import { Spinner } from "./spinner";

type Props = ButtonHTMLAttributes<HTMLButtonElement> & {
  /** The action is running: the button is disabled, busy, and says so (a second click would send it twice). */
  pending: boolean;
  /** What it says meanwhile, e.g. "Saving…". */
  pendingLabel: ReactNode;
};

/**
 * The one button for actions that wait on the server (mutations, imports, runs). Any action may take over 300 ms, so
 * each shows a spinner and its own verb while it runs instead of looking idle; aria-busy tells screen readers too.
 */
export function PendingButton({ pending, pendingLabel, children, disabled, className = "btn", type, ...rest }: Props) {
  return (
    <button {...rest} type={type} className={className} disabled={disabled || pending} aria-busy={pending}>
      {pending ? (
        <>
          <Spinner />
          {pendingLabel}
        </>
      ) : (
        children
      )}
    </button>
  );
}
