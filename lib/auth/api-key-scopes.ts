/** What an API key may do: send usage (`ingest`) and/or read spend (`read`). Pure, for schemas and the CLI. */
export const API_KEY_SCOPES = ["ingest", "read"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];
