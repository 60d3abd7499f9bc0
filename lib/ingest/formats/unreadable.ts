/**
 * A record the reader could not turn into a value (a line that is not JSON, a truncated file). readRecords
 * yields it in place of the value instead of throwing, so one bad line is reported with its line number and
 * the rest of a multi-GB file still imports.
 */
export class UnreadableRecord {
  constructor(readonly message: string) {}
}

/** Longest single record (line, JSON element, CSV row) a reader buffers before giving up on it. */
export const MAX_RECORD_CHARS = 64 * 1024 * 1024;
