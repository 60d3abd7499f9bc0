"use client";
import { Pending } from "@/components/ui/pending";
import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { FORMAT_DESCRIPTIONS, FORMAT_IDS } from "@/lib/ingest/formats/format-ids";
import { ImportResult } from "./import-result";
import type { ImportAnswer } from "./queries";
import { bytes } from "./format";
import styles from "./ingestion.module.css";

interface Detected {
  format: string;
  gzip: boolean;
  description: string;
}

type Stage =
  | { kind: "idle" }
  | { kind: "detecting" }
  | { kind: "ready"; detected: Detected | null; error: string | null }
  | { kind: "uploading"; loaded: number; total: number; started: number }
  | { kind: "processing" }
  | { kind: "done"; result: ImportAnswer }
  | { kind: "failed"; message: string };

/** First bytes sent for detection: what lib/ingest/formats/detect.ts needs to decide. */
const HEAD_BYTES = 64 * 1024;

/**
 * Drop a file (or pick one): its first 64 KiB go to the detect endpoint, the format is shown (and can be
 * overridden), then the file streams to POST /api/v1/imports with a real upload progress bar (XHR upload
 * events; the server reads as it writes, so the bar follows the import), then the result with every
 * rejected line.
 */
export function UploadCard() {
  const qc = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState("auto");
  const [dragging, setDragging] = useState(false);
  const [stage, setStage] = useState<Stage>({ kind: "idle" });
  /** What detection said, kept on screen through the upload and its result. */
  const [recognised, setRecognised] = useState<Detected | null>(null);
  const busy = stage.kind === "uploading" || stage.kind === "processing" || stage.kind === "detecting";

  async function choose(chosen: File | undefined) {
    if (!chosen || busy) return;
    setFile(chosen);
    setFormat("auto");
    setRecognised(null);
    setStage({ kind: "detecting" });
    try {
      const res = await fetch(`/api/v1/imports/detect?filename=${encodeURIComponent(chosen.name)}`, {
        method: "POST",
        headers: { "content-type": "application/octet-stream" },
        body: chosen.slice(0, HEAD_BYTES),
      });
      const data = await res.json();
      if (!res.ok) throw new Error(data?.error?.message ?? `Detection failed (${res.status})`);
      setRecognised(data.detected);
      setStage({ kind: "ready", detected: data.detected, error: data.error });
    } catch (error) {
      setStage({ kind: "ready", detected: null, error: (error as Error).message });
    }
  }

  function upload() {
    if (!file) return;
    const params = new URLSearchParams({ filename: file.name });
    if (format !== "auto") params.set("format", format);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/v1/imports?${params}`);
    xhr.setRequestHeader("content-type", "application/octet-stream");
    const started = Date.now();
    setStage({ kind: "uploading", loaded: 0, total: file.size, started });
    xhr.upload.onprogress = (e) => setStage({ kind: "uploading", loaded: e.loaded, total: e.lengthComputable ? e.total : file.size, started });
    xhr.upload.onload = () => setStage({ kind: "processing" });
    xhr.onload = () => {
      let data: { error?: { message?: string } } & Partial<ImportAnswer> = {};
      try {
        data = JSON.parse(xhr.responseText);
      } catch {
        // not JSON: reported below by status
      }
      if (xhr.status === 200) setStage({ kind: "done", result: data as ImportAnswer });
      else setStage({ kind: "failed", message: data.error?.message ?? `The import failed (HTTP ${xhr.status})` });
      void qc.invalidateQueries({ queryKey: ["ingest-batches"] });
      void qc.invalidateQueries({ queryKey: ["unpriced-models"] });
    };
    xhr.onerror = () => setStage({ kind: "failed", message: "The upload was interrupted (network error). Batches already written are kept: upload the file again to complete it." });
    xhr.send(file);
  }

  const detected = stage.kind === "ready" ? stage.detected : null;
  const canImport = file !== null && stage.kind === "ready" && (detected !== null || format !== "auto");

  return (
    <section className="card" aria-labelledby="upload-title">
      <h2 id="upload-title">Import a file</h2>
      <div
        role="button"
        tabIndex={0}
        className={`${styles.dropzone} ${dragging ? styles.dragging : ""}`}
        onClick={() => input.current?.click()}
        onKeyDown={(e) => (e.key === "Enter" || e.key === " ") && input.current?.click()}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          void choose(e.dataTransfer.files[0]);
        }}
        data-testid="dropzone"
      >
        <b>Drop a usage file here</b> or click to choose one
        <div className={styles.hint}>
          Rightsize events (NDJSON/JSON), OpenTelemetry traces (OTLP JSON or protobuf), OpenAI usage exports, Anthropic usage reports,
          LiteLLM spend logs (CSV/JSON), Langfuse observations, Helicone requests. gzip-compressed files too. Any size: the file streams.
        </div>
        <input ref={input} className={styles.hidden} type="file" data-testid="file-input" onChange={(e) => void choose(e.target.files?.[0])} />
      </div>

      {file && (
        <div className={styles.fileRow}>
          <span className={styles.fileName}>{file.name}</span>
          <span className="muted">{bytes(file.size)}</span>
          {recognised && stage.kind !== "ready" && <span className="muted">· {format === "auto" ? recognised.description : FORMAT_DESCRIPTIONS[format as keyof typeof FORMAT_DESCRIPTIONS]}</span>}
        </div>
      )}
      {stage.kind === "detecting" && <Pending className="muted">Reading the first bytes to recognise the format…</Pending>}
      {stage.kind === "ready" && (
        <div className={styles.detected} data-testid="detected-format">
          {stage.detected ? (
            <>
              <span className="badge ok">Detected</span> <span>{stage.detected.description}</span>
            </>
          ) : (
            <span className="error-box">Not recognised: {stage.error}</span>
          )}
        </div>
      )}
      {file && stage.kind === "ready" && (
        <div className="toolbar" style={{ marginTop: 12 }}>
          <label className="field">
            Format
            <select value={format} onChange={(e) => setFormat(e.target.value)} aria-label="Format">
              <option value="auto">{detected ? `As detected (${detected.format})` : "Choose a format"}</option>
              {FORMAT_IDS.map((id) => (
                <option key={id} value={id}>
                  {FORMAT_DESCRIPTIONS[id]}
                </option>
              ))}
            </select>
          </label>
          <button className="btn primary" disabled={!canImport} onClick={upload}>
            Import {file.name}
          </button>
        </div>
      )}

      {(stage.kind === "uploading" || stage.kind === "processing") && <UploadProgress stage={stage} />}
      {stage.kind === "failed" && (
        <p className="error-box" role="alert" style={{ marginTop: 12 }}>
          {stage.message}
        </p>
      )}
      {stage.kind === "done" && file && <ImportResult result={stage.result} filename={file.name} />}
    </section>
  );
}

function UploadProgress({ stage }: { stage: Extract<Stage, { kind: "uploading" } | { kind: "processing" }> }) {
  const percent = stage.kind === "processing" ? 100 : stage.total > 0 ? Math.floor((stage.loaded / stage.total) * 100) : 0;
  const seconds = stage.kind === "uploading" ? Math.max(0.001, (Date.now() - stage.started) / 1000) : 0;
  const label =
    stage.kind === "processing"
      ? "Uploaded. Writing the last batch…"
      : `${bytes(stage.loaded)} of ${bytes(stage.total)} · ${bytes(Math.round(stage.loaded / seconds))}/s`;
  return (
    <div className={styles.progressRow} data-testid="upload-progress">
      <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-label="Upload progress">
        <div style={{ width: `${percent}%` }} />
      </div>
      <span className={styles.progressLabel}>
        {percent}% · {label}
      </span>
    </div>
  );
}
