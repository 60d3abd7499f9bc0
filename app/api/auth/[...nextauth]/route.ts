import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";

// next-auth v4 endpoints (sign-in, callbacks, session, CSRF).
const handler = (req: Request, ctx: unknown) => NextAuth(authOptions())(req as never, ctx as never);
export { handler as GET, handler as POST };
