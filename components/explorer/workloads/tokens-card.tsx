"use client";
import { useQuery } from "@tanstack/react-query";
import { tokensQuery, type Params } from "../api-client";
import { ErrorBox, Loading } from "../query-state";
import { InputSizeChart } from "@/components/charts/input-size-chart";
import { count } from "../format";

const PS = ["p10", "p25", "p50", "p75", "p90", "p99"];

/** Tokens per call: input size distribution of every call, and exact percentiles over the latest calls. */
export function TokensCard({ filters }: { filters: Params }) {
  const q = useQuery(tokensQuery({ from: filters.from, to: filters.to, workload: filters.workload }));
  return (
    <div className="card" style={{ marginBottom: 14 }} data-testid="tokens-card">
      <div className="card-head">
        <h2>Tokens per call</h2>
        {q.data && (
          <span className="hint">
            average {count(q.data.mean.input)} input ({count(q.data.mean.cachedInput)} cached) → {count(q.data.mean.output)} output, over {count(q.data.calls)} calls
          </span>
        )}
      </div>
      {q.error ? (
        <ErrorBox error={q.error} />
      ) : !q.data ? (
        <Loading height={260} />
      ) : q.data.calls === 0 ? (
        <p className="muted">No calls in this range.</p>
      ) : (
        <div className="grid two" style={{ marginBottom: 0 }}>
          <div>
            <h3>Calls by input size</h3>
            <InputSizeChart data={q.data} />
          </div>
          <div>
            <h3>Percentiles</h3>
            <table className="data percentiles">
              <thead>
                <tr>
                  <th>Tokens per call</th>
                  {PS.map((p) => (
                    <th key={p}>{p}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <tr>
                  <td>Input (all calls)</td>
                  {PS.map((p) => (
                    <td key={p}>{count(q.data.inputPercentiles[p])}</td>
                  ))}
                </tr>
                {q.data.sample && (
                  <>
                    <tr>
                      <td>Input</td>
                      {PS.map((p) => (
                        <td key={p}>{count(q.data.sample!.input[p])}</td>
                      ))}
                    </tr>
                    <tr>
                      <td>Cached input</td>
                      {PS.map((p) => (
                        <td key={p}>{count(q.data.sample!.cachedInput[p])}</td>
                      ))}
                    </tr>
                    <tr>
                      <td>Output</td>
                      {PS.map((p) => (
                        <td key={p}>{count(q.data.sample!.output[p])}</td>
                      ))}
                    </tr>
                  </>
                )}
              </tbody>
            </table>
            <p className="muted" style={{ fontSize: 12 }}>
              The first row covers every call of the range (from input-size buckets, so within half a bucket).
              {q.data.sample
                ? ` The others are exact over a random sample of ${count(q.data.sample.calls)} of the range's calls${q.data.sample.calls < 200 ? " (a small sample: read them as rough)" : ""}.`
                : " Too few calls to sample for exact output percentiles."}
            </p>
          </div>
        </div>
      )}
    </div>
  );
}
