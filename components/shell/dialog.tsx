"use client";
import { useEffect, useId, useRef } from "react";

/**
 * A modal dialog on the native <dialog> element: showModal() puts it in the top layer (wherever the page is
 * scrolled), keeps keyboard focus inside it, makes the rest of the page inert and closes on Escape. Focus goes to
 * the element marked data-autofocus (else the first focusable one) and returns to the opener on close.
 */
export function Dialog({ title, onClose, children, wide = false }: { title: string; onClose(): void; children: React.ReactNode; wide?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement as HTMLElement | null;
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    return () => {
      if (dialog.open) dialog.close();
      opener?.focus?.();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className={wide ? "modal wide" : "modal"}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onCloseRef.current();
      }}
    >
      <div className="modal-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="btn modal-close" aria-label="Close" onClick={() => onCloseRef.current()}>×</button>
      </div>
      {children}
    </dialog>
  );
}
