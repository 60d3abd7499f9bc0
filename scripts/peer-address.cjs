// Preloaded into `next start` by scripts/start.ts (NODE_OPTIONS=--require): every HTTP request gets the socket's
// remote address in x-rightsize-peer-address, overwriting anything a client sent under that name. Next.js gives
// route handlers no socket, and its own X-Forwarded-For keeps a client-sent value; sign-in throttling needs an
// address a client cannot choose (lib/auth/client-address.ts).
const http = require("node:http");
const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (event, req, ...rest) {
  if (event === "request" && req && req.headers) req.headers["x-rightsize-peer-address"] = req.socket?.remoteAddress ?? "";
  return emit.call(this, event, req, ...rest);
};
