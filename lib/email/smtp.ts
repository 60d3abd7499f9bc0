import "server-only";
import nodemailer from "nodemailer";
import type { AttemptResult } from "@/lib/alerts/post-webhook";

/**
 * Email through SMTP with nodemailer, configured by SMTP_URL (smtp://user:pass@host:587; smtps:// for implicit
 * TLS) and SMTP_FROM (default "Rightsize <rightsize@localhost>"). Read per send, so tests and operators can set them
 * without a restart of the module. Without SMTP_URL, email is off and every caller says how to turn it on.
 */
export const SMTP_HELP =
  "Email is off: set SMTP_URL (e.g. smtp://user:password@smtp.example.com:587) and SMTP_FROM (e.g. \"Rightsize <finops@example.com>\") in the server's environment and restart it.";

export function emailConfigured(): boolean {
  return Boolean(process.env.SMTP_URL?.trim());
}

export interface OutgoingEmail {
  to: string[];
  subject: string;
  text: string;
  html?: string;
  attachments?: { filename: string; content: Buffer | string; contentType: string }[];
}

export async function sendEmail(mail: OutgoingEmail): Promise<AttemptResult> {
  const url = process.env.SMTP_URL?.trim();
  if (!url) return { ok: false, error: SMTP_HELP };
  try {
    const transport = nodemailer.createTransport(url);
    await transport.sendMail({
      from: process.env.SMTP_FROM?.trim() || "Rightsize <rightsize@localhost>",
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      attachments: mail.attachments,
    });
    transport.close();
    return { ok: true, error: null };
  } catch (error) {
    const e = error as { code?: string; responseCode?: number; message?: string };
    const where = safeHost(url);
    return { ok: false, error: `SMTP ${where}: ${e.responseCode ? `${e.responseCode} ` : ""}${e.code ? `${e.code} ` : ""}${(e.message ?? String(error)).slice(0, 300)}` };
  }
}

/** The SMTP URL holds a password: errors name only the host. */
function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "(invalid SMTP_URL)";
  }
}
