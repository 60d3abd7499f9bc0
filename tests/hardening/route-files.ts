import { readdirSync } from "node:fs";
import path from "node:path";

/**
 * Every `app/api/**\/route.ts` with the HTTP methods it exports, for tests that must cover every route (the
 * authorization matrix, bad-input sweeps). `key` is "<METHOD> <path as in app/, brackets kept>".
 */
export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];
type Handler = (req: Request, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

export interface RouteMethod {
  key: string;
  method: HttpMethod;
  /** "/api/v1/budgets/[id]" */
  pattern: string;
  /** Names of the dynamic segments: ["id"], ["slug"], ["...nextauth"]. */
  segments: string[];
  handler: Handler;
}

const root = path.resolve(import.meta.dirname, "../..");

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? routeFiles(path.join(dir, e.name)) : e.name === "route.ts" ? [path.join(dir, e.name)] : [],
  );
}

export async function routeMethods(): Promise<RouteMethod[]> {
  const out: RouteMethod[] = [];
  for (const file of routeFiles(path.join(root, "app/api")).sort()) {
    const pattern = "/" + path.relative(path.join(root, "app"), path.dirname(file)).split(path.sep).join("/");
    const segments = [...pattern.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1]);
    const mod = (await import(file)) as Record<string, unknown>;
    for (const method of HTTP_METHODS) {
      if (typeof mod[method] === "function") out.push({ key: `${method} ${pattern}`, method, pattern, segments, handler: mod[method] as Handler });
    }
  }
  return out;
}

/** A concrete URL and params for a route: `values` fills dynamic segments (default: an id that names nothing). */
export function concrete(route: RouteMethod, values: Record<string, string> = {}) {
  const params: Record<string, string | string[]> = {};
  let url = route.pattern;
  for (const seg of route.segments) {
    if (seg.startsWith("...")) {
      params[seg.slice(3)] = ["session"];
      url = url.replace(`[${seg}]`, "session");
    } else {
      params[seg] = values[seg] ?? (seg === "id" ? "999999" : "no-such-thing");
      url = url.replace(`[${seg}]`, params[seg] as string);
    }
  }
  return { url: `http://localhost:3000${url}`, params };
}
