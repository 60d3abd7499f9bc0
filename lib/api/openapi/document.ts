import { z } from "zod";
import type { ApiOperation } from "./operation";
import { spendOperations } from "./spend";
import { budgetOperations } from "./budgets";
import { reportOperations } from "./reports";
import { attributionOperations } from "./attribution";
import { modelOperations } from "./models";
import { ingestionOperations } from "./ingestion";
import { whatIfOperations } from "./whatif";
import { keyOperations } from "./keys";
import { chargebackOperations, statementOperations } from "./chargeback";
import { scheduleOperations } from "./schedules";
import { rolloutOperations } from "./rollouts";
import { currencyOperations } from "./currency";
import { dimensionOperations } from "./dimensions";
import { unitEconomicsOperations } from "./unit-economics";

/**
 * The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the routes validate with.
 * To document a new route: add its ApiOperation to a list here.
 */
const OPERATIONS: ApiOperation[] = [...spendOperations, ...attributionOperations, ...modelOperations, ...budgetOperations, ...reportOperations, ...ingestionOperations, ...whatIfOperations, ...keyOperations, ...chargebackOperations, ...statementOperations, ...scheduleOperations, ...rolloutOperations, ...currencyOperations, ...dimensionOperations, ...unitEconomicsOperations];

const jsonSchema = (schema: z.ZodType, io: "input" | "output") =>
  z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as Record<string, unknown>;

function queryParameters(schema: z.ZodObject) {
  const json = jsonSchema(schema, "input") as { properties?: Record<string, Record<string, unknown>>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: "query",
    required: json.required?.includes(name) ?? false,
    description: s.description,
    schema: s,
  }));
}

/** `{id}` segments of a path, declared as required path parameters. */
function pathParameters(path: string) {
  return [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({ name, in: "path", required: true, schema: { type: "string" } }));
}

export function openApiDocument(serverUrl?: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) {
    const errors = {
      "400": { description: "Invalid input; the message names the field" },
      "401": { description: "No valid session or API key" },
      "403": { description: `Lacks the "${op.permission}" permission` },
    };
    paths[op.path] ??= {};
    paths[op.path][op.method] = {
      tags: [op.tag],
      summary: op.summary,
      description: op.description,
      security: [{ bearerAuth: [] }, { sessionCookie: [] }],
      parameters: [...pathParameters(op.path), ...(op.query ? queryParameters(op.query) : [])],
      requestBody: op.body
        ? { required: true, content: Object.fromEntries((op.bodyContentTypes ?? ["application/json"]).map((t) => [t, { schema: jsonSchema(op.body!, "input") }])) }
        : undefined,
      responses: {
        "200": {
          description: "OK",
          content: op.response ? { [op.responseContentType ?? "application/json"]: { schema: jsonSchema(op.response, "output") } } : undefined,
        },
        ...errors,
      },
      "x-permission": op.permission,
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Rightsize API",
      version: "1.0.0",
      description: "AI token spend: ingestion, spend explorer, what-if, budgets and reports. Money is a decimal string in USD; dates are UTC.",
    },
    servers: serverUrl ? [{ url: serverUrl }] : undefined,
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: "API key created with `rightsize keys create` or in Settings" },
        sessionCookie: { type: "apiKey", in: "cookie", name: "next-auth.session-token" },
      },
    },
    paths,
  };
}
