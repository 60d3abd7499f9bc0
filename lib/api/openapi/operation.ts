import type { z } from "zod";

/** One documented operation of the public API; the route validates with the very same schemas. */
export interface ApiOperation {
  method: "get" | "post" | "put" | "patch" | "delete";
  path: string;
  summary: string;
  description?: string;
  tag: string;
  /** "read" or "ingest" API-key scope, or a session permission */
  permission: string;
  query?: z.ZodObject;
  body?: z.ZodType;
  bodyContentTypes?: string[];
  response?: z.ZodType;
  responseContentType?: string;
}
