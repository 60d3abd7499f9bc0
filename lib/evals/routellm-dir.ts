import path from "node:path";
import { projectRoot } from "@/lib/config/project-root";

/**
 * The RouteLLM eval CSVs ship inside the repository (data/routellm, with their Apache-2.0 LICENSE and a NOTICE), so a
 * fresh clone has the demo's eval evidence and nothing reads outside the project root
 * (tests/reads-inside-repo.test.ts fails otherwise).
 */
export function routeLlmDir(): string {
  return path.join(projectRoot(), "data", "routellm");
}
