/**
 * Hands bytes to the browser as a file download under `filename` (browser only): the one place that builds the
 * temporary object URL, clicks a detached link and frees the URL once the browser has read it.
 */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The browser has read the URL once click() returns; free the blob a moment later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
