/**
 * Streaming splitter for JSON files: yields the text of each element of a top-level array, and of each
 * top-level object. That covers a JSON array of events (streamed element by element, so a multi-GB array
 * never sits in memory), a single JSON document (one page, one OTLP request) and concatenated or
 * newline-delimited documents (one usage page per line). Each piece carries the 1-based line it starts on.
 *
 * It only tracks nesting depth and string/escape state; JSON.parse validates each piece afterwards, so a
 * broken element is reported with its line. Unbalanced input is reported once, at the end.
 */
import { MAX_RECORD_CHARS } from "./unreadable";

export interface JsonPiece {
  line: number;
  text: string;
  /** Set when the piece could not be delimited (file ends inside it, or it exceeds MAX_RECORD_CHARS). */
  error?: string;
}

const OPEN_BRACE = 0x7b; // {
const CLOSE_BRACE = 0x7d; // }
const OPEN_BRACKET = 0x5b; // [
const CLOSE_BRACKET = 0x5d; // ]
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const NEWLINE = 0x0a;

export async function* readJsonValues(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<JsonPiece> {
  const decoder = new TextDecoder("utf-8");
  let buf = ""; // unconsumed text; pieces are sliced from it
  let line = 1;
  let inTopArray = false; // between the elements of a top-level array
  let depth = 0; // nesting depth inside the current piece (0 = between pieces)
  let inString = false;
  let escaped = false;
  let pieceStart = -1; // index in buf where the current piece starts, -1 = none
  let pieceLine = 0;
  let scalar = false; // current piece is a bare scalar (number, true, ...) inside the top-level array
  let first = true;

  for await (const chunk of chunks) {
    let text = typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    let i = buf.length;
    buf += text;
    const n = buf.length;
    for (; i < n; i++) {
      const c = buf.charCodeAt(i);
      if (c === NEWLINE) line++;
      if (pieceStart === -1) {
        // Between pieces: whitespace, commas and the outer array's brackets.
        if (c <= 0x20 || c === COMMA) continue;
        if (c === OPEN_BRACKET && !inTopArray) {
          inTopArray = true;
          continue;
        }
        if (c === CLOSE_BRACKET && inTopArray) {
          inTopArray = false;
          continue;
        }
        pieceStart = i;
        pieceLine = line;
        if (c === OPEN_BRACE || c === OPEN_BRACKET) depth = 1;
        else if (c === QUOTE) {
          inString = true;
          depth = 1;
        } else {
          scalar = true;
        }
        continue;
      }
      if (scalar) {
        // A bare scalar ends at a delimiter; the delimiter is handled as "between pieces".
        if (c <= 0x20 || c === COMMA || c === CLOSE_BRACKET) {
          yield { line: pieceLine, text: buf.slice(pieceStart, i) };
          scalar = false;
          pieceStart = -1;
          if (c === CLOSE_BRACKET) inTopArray = false;
        }
        continue;
      }
      if (inString) {
        if (escaped) escaped = false;
        else if (c === BACKSLASH) escaped = true;
        else if (c === QUOTE) {
          inString = false;
          if (depth === 1 && buf.charCodeAt(pieceStart) === QUOTE) depth = 0;
        }
      } else if (c === QUOTE) inString = true;
      else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
      else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) depth--;
      if (depth === 0) {
        yield { line: pieceLine, text: buf.slice(pieceStart, i + 1) };
        pieceStart = -1;
      }
    }
    // Drop consumed text once per chunk (not per piece) to keep slicing linear.
    if (pieceStart === -1) buf = "";
    else if (pieceStart > 0) {
      buf = buf.slice(pieceStart);
      pieceStart = 0;
    }
    if (buf.length > MAX_RECORD_CHARS) {
      yield { line: pieceLine, text: "", error: `a JSON value starting on line ${pieceLine} is larger than ${MAX_RECORD_CHARS} characters` };
      return;
    }
  }
  buf += decoder.decode();
  if (scalar && pieceStart !== -1) yield { line: pieceLine, text: buf.slice(pieceStart) };
  else if (pieceStart !== -1) yield { line: pieceLine, text: "", error: `the file ends inside a JSON value that starts on line ${pieceLine}` };
}
