import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { config } from "./app/config.server";
import { routeMatcher } from "./app/lib/route-pattern";
import { errorFields, log, requestLog } from "./app/services/log.server";
import { isCrossSiteWrite, newNonce, pageHeaders, securityHeaders } from "./app/services/security.server";

/** Serves the built app. Security headers and the cross-site check wrap every response. */
export async function startServer({ port, buildDir = "build" }: { port: number; buildDir?: string }) {
  const buildPath = path.resolve(buildDir, "server/index.js");
  const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;
  const app = express();
  app.disable("x-powered-by");
  // Behind a reverse proxy every request comes from the proxy: its X-Forwarded-For names the client.
  if (config().TRUST_PROXY) app.set("trust proxy", true);

  const routeOf = routeMatcher(build.routes);
  // One JSON line per request: method, route pattern (never the address or its query), status,
  // time taken and the signed-in user's id, noted by the session lookup.
  app.use((req, res, next) => {
    const started = process.hrtime.bigint();
    const entry: { userId?: number } = {};
    res.on("finish", () => {
      const route = res.locals.remix ? (routeOf(req.path) ?? "(none)") : "(static)";
      const ms = Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10;
      log(res.statusCode >= 500 ? "error" : "info", "request", {
        method: req.method,
        route,
        status: res.statusCode,
        ms,
        userId: entry.userId ?? null,
      });
    });
    requestLog.run(entry, next);
  });

  app.use((req, res, next) => {
    const nonce = newNonce();
    res.locals.cspNonce = nonce;
    res.set(securityHeaders(nonce, config().APP_URL));
    if (isCrossSiteWrite(req.method, req.get("origin"), req.get("host"), req.get("sec-fetch-site"))) {
      res.status(403).type("text/plain").send("Cross-site request refused.");
      return;
    }
    next();
  });
  // A district link is slow: pages and assets go compressed (gzip, or brotli where the browser takes it).
  app.use(compression());
  app.use("/assets", express.static(path.resolve(buildDir, "client/assets"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.resolve(buildDir, "client"), { maxAge: "1h" }));
  // Pages are never stored by a browser or proxy: signed-in pages show FIR numbers and names.
  // A route's own Cache-Control (a download's "private, no-store") replaces this.
  app.use((_req, res, next) => {
    res.locals.remix = true;
    res.set(pageHeaders());
    next();
  });
  app.all(
    "*",
    createRequestHandler({
      build,
      getLoadContext: (req, res) => ({
        cspNonce: res.locals.cspNonce as string,
        clientAddress: req.ip ?? req.socket.remoteAddress,
      }),
    }),
  );
  // Express's own errors: a malformed address (`%FF`) is the client's, answered 400 with no stack
  // (its request line says so); anything else is one error line, never the message.
  app.use((error: unknown, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (res.headersSent) return next(error);
    const status = (error as { status?: unknown }).status;
    if (error instanceof URIError || (typeof status === "number" && status >= 400 && status < 500)) {
      res
        .status(typeof status === "number" ? status : 400)
        .type("text/plain")
        .send("This address is not valid.");
      return;
    }
    log("error", "request failed", errorFields(error));
    res.status(500).type("text/plain").send("Something went wrong on the server.");
  });

  const background = build.entry.module as { startBackgroundJobs?: () => () => void };
  const stopJobs = background.startBackgroundJobs?.();

  const server = await new Promise<import("node:http").Server>((resolve, reject) => {
    const s = app.listen(port, () => resolve(s));
    s.once("error", (error: NodeJS.ErrnoException) => {
      stopJobs?.();
      reject(
        error.code === "EADDRINUSE"
          ? new Error(`Port ${port} is already in use: stop the other program or set PORT to a free port.`)
          : error,
      );
    });
  });
  return {
    server,
    close: () =>
      new Promise<void>((resolve) => {
        stopJobs?.();
        server.close(() => resolve());
      }),
  };
}
