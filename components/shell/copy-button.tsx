"use client";
import { useState } from "react";

/**
 * Copies a text (an API key shown once, a snippet) to the clipboard and says so. Where the Clipboard API is not
 * available (plain http on a non-local host) it selects the text next to it instead, for Ctrl+C.
 */
export function CopyButton({ text, label = "Copy" }: { text: string; label?: string }) {
  const [state, setState] = useState<"idle" | "copied" | "select">("idle");
  const copy = async (button: HTMLButtonElement) => {
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      const target = button.previousElementSibling;
      if (target) window.getSelection()?.selectAllChildren(target);
      setState("select");
    }
  };
  return (
    <button type="button" className="btn" onClick={(e) => void copy(e.currentTarget)} aria-live="polite">
      {state === "copied" ? "Copied" : state === "select" ? "Selected: press Ctrl+C" : label}
    </button>
  );
}
