import type { Metadata } from "next";
import "./globals.css";
import { QueryProvider } from "@/components/shell/query-provider";

export const metadata: Metadata = {
  title: "Rightsize — AI spend observability",
  description: "See, attribute and rightsize your AI token spend.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <QueryProvider>{children}</QueryProvider>
      </body>
    </html>
  );
}
