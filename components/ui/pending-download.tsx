"use client";
import { useState, type AnchorHTMLAttributes, type ReactNode } from "react";
import { Spinner } from "./spinner";
import { saveBlob } from "./save-blob";

type Props = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href" | "download"> & {
  href: string;
  pendingLabel?: ReactNode;
  /** Called once the file is handed to the browser, e.g. to close a menu (not on failure: the error must stay seen). */
  onDone?: () => void;
};

/** attachment; filename="x.csv" -> x.csv */
function filenameOf(disposition: string | null): string | undefined {
  return disposition?.match(/filename="([^"]+)"/)?.[1];
}

/**
 * A download link for files the server builds on request (reports, PDFs, exports take seconds). A plain
 * <a download> gives no sign of life until the file arrives, so this fetches it itself, shows "Preparing…" with a
 * spinner meanwhile, then hands the bytes over under the server's file name. The href stays, so "copy link" works,
 * and a failed request shows its message instead of a broken file.
 */
export function PendingDownload({ href, pendingLabel = "Preparing…", onDone, children, className = "btn", onClick, ...rest }: Props) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function fetchFile() {
    setPending(true);
    setError(null);
    try {
      const res = await fetch(href);
      if (!res.ok) {
        const body = await res.json().catch(() => null);
        throw new Error(body?.error?.message ?? `Download failed (${res.status})`);
      }
      saveBlob(await res.blob(), filenameOf(res.headers.get("content-disposition")) ?? href.split("/").pop()!.split("?")[0]);
      onDone?.();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setPending(false);
    }
  }
  return (
    <>
      <a
        {...rest}
        href={href}
        download
        className={className}
        aria-busy={pending}
        aria-disabled={pending || undefined}
        onClick={(e) => {
          onClick?.(e);
          // Modified clicks (new tab, save as) stay the browser's.
          if (e.defaultPrevented || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.button !== 0) return;
          e.preventDefault();
          if (!pending) void fetchFile();
        }}
      >
        {pending ? (
          <>
            <Spinner />
            {pendingLabel}
          </>
        ) : (
          children
        )}
      </a>
      {error && (
        <span className="error-inline" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
