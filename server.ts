import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { config } from "./app/config.server";
import { isCrossSiteWrite, newNonce, securityHeaders } from "./app/services/security.server";

/** Serves the built app. Security headers and the cross-site check wrap every response. */
export async function startServer({ port, buildDir = "build" }: { port: number; buildDir?: string }) {
  const buildPath = path.resolve(buildDir, "server/index.js");
  const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;
  const app = express();
  app.disable("x-powered-by");
  // Behind a reverse proxy every request comes from the proxy: its X-Forwarded-For names the client.
  if (config().TRUST_PROXY) app.set("trust proxy", true);

  app.use((req, res, next) => {
    const nonce = newNonce();
    res.locals.cspNonce = nonce;
    res.set(securityHeaders(nonce));
    if (isCrossSiteWrite(req.method, req.get("origin"), req.get("host"), req.get("sec-fetch-site"))) {
      res.status(403).type("text/plain").send("Cross-site request refused.");
      return;
    }
    next();
  });
  app.use("/assets", express.static(path.resolve(buildDir, "client/assets"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.resolve(buildDir, "client"), { maxAge: "1h" }));
  app.all(
    "*",
    createRequestHandler({ build, getLoadContext: (req, res) => ({ cspNonce: res.locals.cspNonce as string, clientAddress: req.ip ?? req.socket.remoteAddress }) }),
  );

  const background = build.entry.module as { startBackgroundJobs?: () => () => void };
  const stopJobs = background.startBackgroundJobs?.();

  const server = await new Promise<import("node:http").Server>((resolve, reject) => {
    const s = app.listen(port, () => resolve(s));
    s.once("error", (error: NodeJS.ErrnoException) => {
      stopJobs?.();
      reject(error.code === "EADDRINUSE" ? new Error(`Port ${port} is already in use: stop the other program or set PORT to a free port.`) : error);
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
