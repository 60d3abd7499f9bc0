/**
 * A small JSON parser that remembers the line each value starts on, so a malformed bill file is rejected with
 * "line 42: ..." instead of "invalid input". Reads one JSON document, or several in a row (NDJSON, or pages pasted
 * one after another). Plain recursive descent over the JSON grammar (RFC 8259); values are ordinary JS values and
 * their lines are looked up with `lineOf(container, key)`.
 */
export class JsonSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    message: string,
  ) {
    super(`line ${line}, column ${column}: ${message}`);
  }
}

export interface ParsedJson {
  values: unknown[];
  /** Line of `container[key]` (or of the container itself when key is undefined); 0 when unknown. */
  lineOf(container: unknown, key?: string | number): number;
}

export function parseJsonWithLines(text: string): ParsedJson {
  const lines = new WeakMap<object, { self: number; keys: Map<string | number, number> }>();
  let i = 0;
  let line = 1;
  let lineStart = 0;

  const fail = (message: string): never => {
    throw new JsonSyntaxError(line, i - lineStart + 1, message);
  };
  const skipSpace = () => {
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 10) {
        line++;
        lineStart = i + 1;
      } else if (c !== 32 && c !== 9 && c !== 13 && c !== 0xfeff) break;
      i++;
    }
  };
  const describe = () => (i >= text.length ? "the end of the file" : `"${text.slice(i, i + 12).split("\n")[0]}"`);

  function value(): unknown {
    skipSpace();
    const c = text[i];
    if (c === "{") return object();
    if (c === "[") return array();
    if (c === '"') return string();
    if (c === "-" || (c >= "0" && c <= "9")) return number();
    for (const [word, v] of [["true", true], ["false", false], ["null", null]] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return v;
      }
    }
    return fail(`expected a JSON value, found ${describe()}`);
  }

  function object(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const meta = { self: line, keys: new Map<string | number, number>() };
    lines.set(out, meta);
    i++;
    skipSpace();
    if (text[i] === "}") {
      i++;
      return out;
    }
    for (;;) {
      skipSpace();
      if (text[i] !== '"') fail(`expected a property name in double quotes, found ${describe()}`);
      const keyLine = line;
      const key = string();
      skipSpace();
      if (text[i] !== ":") fail(`expected ":" after property "${key}", found ${describe()}`);
      i++;
      skipSpace();
      meta.keys.set(key, keyLine);
      out[key] = value();
      skipSpace();
      if (text[i] === ",") {
        i++;
        continue;
      }
      if (text[i] === "}") {
        i++;
        return out;
      }
      fail(`expected "," or "}" after the value of "${key}", found ${describe()}`);
    }
  }

  function array(): unknown[] {
    const out: unknown[] = [];
    const meta = { self: line, keys: new Map<string | number, number>() };
    lines.set(out, meta);
    i++;
    skipSpace();
    if (text[i] === "]") {
      i++;
      return out;
    }
    for (;;) {
      skipSpace();
      meta.keys.set(out.length, line);
      out.push(value());
      skipSpace();
      if (text[i] === ",") {
        i++;
        continue;
      }
      if (text[i] === "]") {
        i++;
        return out;
      }
      fail(`expected "," or "]" in a list, found ${describe()}`);
    }
  }

  function string(): string {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === "\\") i++;
      else if (text[i] === "\n") fail("a string may not contain a line break (missing closing quote?)");
      i++;
    }
    if (i >= text.length) fail("a string is not closed (missing \")");
    i++;
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      return fail(`invalid escape in the string ${text.slice(start, Math.min(i, start + 30))}`);
    }
  }

  function number(): number {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 64));
    if (!m) return fail(`invalid number ${describe()}`);
    i += m[0].length;
    return Number(m[0]);
  }

  const values: unknown[] = [];
  skipSpace();
  if (i >= text.length) fail("the file is empty");
  while (i < text.length) {
    values.push(value());
    skipSpace();
    // NDJSON / pasted pages: another document may follow, optionally after a comma.
    if (text[i] === ",") i++;
  }

  return {
    values,
    lineOf(container, key) {
      if (container === null || typeof container !== "object") return 0;
      const meta = lines.get(container);
      if (!meta) return 0;
      return key === undefined ? meta.self : (meta.keys.get(key) ?? meta.self);
    },
  };
}
