/**
 * `npm run test:citus` never skips silently: without a PostgreSQL that has Citus, its harness stops with a message
 * saying how to get one (this part runs in `npm test`, where no Citus is needed).
 */
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findCitusPgBin } from "./citus/cluster";

describe("the Citus suite's harness", () => {
  it("refuses a CITUS_PG_BIN without Citus and says how to get it", () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), "no-citus-"));
    expect(() => findCitusPgBin({ CITUS_PG_BIN: empty })).toThrow(`CITUS_PG_BIN=${empty} has no Citus`);
    expect(() => findCitusPgBin({ CITUS_PG_BIN: empty })).toThrow(/set CITUS_PG_BIN[\s\S]*shared\/citus\/build\.sh/);
  });
});
