import { SMTPServer } from "smtp-server";
import type { AddressInfo } from "node:net";

/**
 * A real SMTP server on 127.0.0.1 (random port) for email tests, from the smtp-server package: records each
 * message's envelope and raw MIME and parses the parts it needs (headers, text, HTML, attachments). Accepts any
 * login; no TLS. `url` goes into SMTP_URL.
 */
export interface ReceivedMail {
  from: string;
  to: string[];
  headers: Record<string, string>;
  text: string;
  html: string;
  attachments: { filename: string; contentType: string; content: Buffer }[];
}

export interface Inbox {
  url: string;
  mails: ReceivedMail[];
  close(): Promise<void>;
}

export async function startInbox(opts: { reject?: (n: number) => boolean } = {}): Promise<Inbox> {
  const mails: ReceivedMail[] = [];
  let n = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onAuth(_auth, _session, callback) {
      callback(null, { user: "test" });
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        n++;
        if (opts.reject?.(n)) {
          callback(Object.assign(new Error("mailbox unavailable (test)"), { responseCode: 550 }));
          return;
        }
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
        mails.push({ from, to: session.envelope.rcptTo.map((r) => r.address), ...parseMime(Buffer.concat(chunks).toString("latin1")) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, mails, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

type Parsed = Omit<ReceivedMail, "from" | "to">;

/** Enough MIME for nodemailer's output: nested multiparts, base64 and quoted-printable, filenames. */
export function parseMime(raw: string): Parsed {
  const out: Parsed = { headers: {}, text: "", html: "", attachments: [] };
  walk(raw, out, true);
  return out;
}

function walk(entity: string, out: Parsed, top: boolean): void {
  const split = entity.indexOf("\r\n\r\n");
  const head = split < 0 ? entity : entity.slice(0, split);
  const body = split < 0 ? "" : entity.slice(split + 4);
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r\n[ \t]+/g, " ").split("\r\n")) {
    const i = line.indexOf(":");
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  if (top) out.headers = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, decodeWords(v)]));
  const type = headers["content-type"] ?? "text/plain";
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (type.toLowerCase().startsWith("multipart/") && boundary) {
    const parts = body.split(`--${boundary}`).slice(1);
    for (const part of parts) {
      if (part.startsWith("--")) break;
      walk(part.replace(/^\r\n/, "").replace(/\r\n$/, ""), out, false);
    }
    return;
  }
  const encoding = (headers["content-transfer-encoding"] ?? "7bit").toLowerCase();
  const content =
    encoding === "base64"
      ? Buffer.from(body.replace(/\s+/g, ""), "base64")
      : encoding === "quoted-printable"
        ? Buffer.from(body.replace(/=\r\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, h) => String.fromCharCode(parseInt(h, 16))), "latin1")
        : Buffer.from(body, "latin1");
  const disposition = headers["content-disposition"] ?? "";
  const filename = /filename="?([^";]+)"?/i.exec(disposition)?.[1];
  if (filename) out.attachments.push({ filename, contentType: type.split(";")[0].trim(), content });
  else if (type.startsWith("text/html")) out.html += content.toString("utf8");
  else out.text += content.toString("utf8");
}

/** =?UTF-8?Q?...?= / =?UTF-8?B?...?= encoded words in headers (subjects with non-ASCII characters). */
function decodeWords(v: string): string {
  return v.replace(/=\?utf-8\?([qb])\?([^?]*)\?=\s*/gi, (_, enc: string, text: string) =>
    enc.toLowerCase() === "b"
      ? Buffer.from(text, "base64").toString("utf8")
      : Buffer.from(text.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (_m, h) => String.fromCharCode(parseInt(h, 16))), "latin1").toString("utf8"),
  );
}
