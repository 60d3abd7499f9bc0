import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { SUPPORTED_EXPORTERS } from "./supported-exporters";

describe("the README lists the same exporters and formats as the Ingestion page", () => {
  it("has one README table row per supported exporter, with the same mapping", () => {
    const readme = readFileSync(path.join(process.cwd(), "README.md"), "utf8");
    const start = readme.indexOf("## Supported exporters and formats");
    const end = readme.indexOf("\n## ", start + 1);
    const section = readme.slice(start, end === -1 ? undefined : end);
    const rows = section
      .split("\n")
      .filter((l) => l.startsWith("| ") && !l.startsWith("| exporter"))
      .map((l) => l.slice(2, -2).split(" | "));
    expect(rows).toEqual(SUPPORTED_EXPORTERS.map((e) => [e.name, e.via, e.tokens, e.cache, e.team, e.workload, e.user]));
  });
});
