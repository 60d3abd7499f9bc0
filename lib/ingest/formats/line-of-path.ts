/**
 * Where in a pretty-printed JSON record a rejected field is: the 1-based line of the value at `path`
 * ("data[0].results[3].output_tokens"), so an error in a 5,000-line usage export names line 1,204 instead of
 * "line 1" (the line the document starts on). Only rejected records are scanned, and only down the one path.
 * Returns the line of the deepest part of the path that exists (the record's own line when none does).
 */
export function lineOfPath(text: string, firstLine: number, path: string): number {
  const segments = [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]));
  let i = 0;
  let line = firstLine;
  let found = firstLine;

  const space = () => {
    while (i < text.length && (text[i] === " " || text[i] === "\t" || text[i] === "\n" || text[i] === "\r")) {
      if (text[i] === "\n") line++;
      i++;
    }
  };
  const skipString = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === "\\") i++;
      i++;
    }
    i++;
  };
  const readKey = (): string | null => {
    const start = i;
    skipString();
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      return null;
    }
  };
  const skipValue = () => {
    space();
    if (text[i] === '"') return skipString();
    if (text[i] === "{" || text[i] === "[") {
      let depth = 0;
      do {
        const c = text[i];
        if (c === '"') {
          skipString();
          continue;
        }
        if (c === "{" || c === "[") depth++;
        else if (c === "}" || c === "]") depth--;
        else if (c === "\n") line++;
        i++;
      } while (depth > 0 && i < text.length);
      return;
    }
    while (i < text.length && !",}] \t\r\n".includes(text[i])) i++;
  };

  for (const segment of segments) {
    space();
    if (typeof segment === "number") {
      if (text[i] !== "[") return found;
      i++;
      for (let k = 0; k < segment; k++) {
        skipValue();
        space();
        if (text[i] !== ",") return found;
        i++;
      }
      space();
      if (text[i] === "]") return found;
    } else {
      if (text[i] !== "{") return found;
      i++;
      for (;;) {
        space();
        if (text[i] !== '"') return found;
        const key = readKey();
        space();
        if (text[i] !== ":") return found;
        i++;
        space();
        if (key === segment) break;
        skipValue();
        space();
        if (text[i] !== ",") return found;
        i++;
      }
    }
    found = line;
  }
  return found;
}
