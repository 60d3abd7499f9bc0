/** File import: detect the format, stream its records, turn each into usage events. */
export { detectFormat, FormatDetectionError } from "./detect";
export { FORMAT_IDS, FORMAT_DESCRIPTIONS, isFormatId, type DetectedFormat, type FormatId } from "./format-ids";
export { readRecordBatches, readRecords, type FileRecord } from "./read-records";
export { toEvents, type SourceBatch } from "./to-events";
export { UnreadableRecord } from "./unreadable";
