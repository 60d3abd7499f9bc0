/** POST /api/v1/evals query and the GET/POST response shapes (documented in lib/api/openapi/whatif.ts). */
import { z } from "zod";

export const EvalImportQuerySchema = z.object({
  set: z.string({ error: "set is required: the eval set to import into" }).trim().min(1, { error: "set must not be empty" }).max(500)
    .describe("eval set name; rows naming another set are refused"),
  workload: z.string().min(1).optional().describe("link the set to this workload (slug) once imported"),
  threshold: z.coerce.number().min(0).max(1).optional().describe("score at or above which a task passes when a row has no `passed` (default 0.5)"),
  format: z.enum(["csv", "json"]).optional().describe("default: from the content type, else sniffed"),
});

export const EvalImportResultSchema = z.object({
  evalSet: z.string(),
  rows: z.number(),
  tasks: z.number(),
  models: z.array(z.object({ model: z.string(), tasks: z.number(), passed: z.number(), passRate: z.number() })),
  linkedWorkload: z.string().nullable(),
});

export const EvalSetListSchema = z.object({
  sets: z.array(
    z.object({
      name: z.string(),
      description: z.string().nullable(),
      createdAt: z.string(),
      tasks: z.number(),
      models: z.array(z.object({ model: z.string(), tasks: z.number(), passed: z.number(), passRate: z.number() })),
      workloads: z.array(z.string()),
    }),
  ),
});
