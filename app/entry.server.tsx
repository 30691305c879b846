import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { NonceProvider } from "./components/nonce";
import { startSessionPurge } from "./services/auth.server";
import { startBackupJob } from "./services/backup.server";
import { errorFields, log } from "./services/log.server";
import { startMailSender } from "./services/mail.server";
import { startRedactionScan } from "./services/redaction.server";
import { startReminderJob } from "./services/reminders.server";
import { startStateRollupJob } from "./services/state-refresh.server";

export const streamTimeout = 5_000;

/** A 4xx the router raised (405 for a POST to a GET-only route, 400, 404) or a malformed address (%FF). */
function causedByClient(error: unknown): boolean {
  if (error instanceof URIError) return true;
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === "number" && status >= 400 && status < 500;
}

/**
 * What Remix logs for an error. Anything a client caused is already the request's own log line
 * (with its 4xx status), so it writes nothing more: no stack an outsider can make us print. The
 * app's own failures are one JSON line each, with the stack's top frames and never the message.
 */
export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted || causedByClient(error)) return;
  log("error", "request failed", { method: request.method, ...errorFields(error) });
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = typeof loadContext.cspNonce === "string" ? loadContext.cspNonce : undefined;
  const waitForAll = isbot(request.headers.get("user-agent") ?? "");
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={streamTimeout} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Log only the error itself: request URLs and bodies may carry case details.
          if (shellRendered) log("error", "render failed", errorFields(error));
        },
      },
    );
    setTimeout(abort, streamTimeout + 1000);
  });
}

/**
 * Jobs that run inside the server process, each started once and stopped on close. A new job
 * (e.g. the daily reminders) is one more entry here.
 */
const backgroundJobs: { name: string; start: () => () => void }[] = [
  { name: "mail sender", start: () => startMailSender() },
  { name: "daily reminders", start: () => startReminderJob() },
  { name: "session purge", start: () => startSessionPurge() },
  { name: "daily redaction scan", start: () => startRedactionScan() },
  { name: "daily backup", start: () => startBackupJob() },
  { name: "state roll-up", start: () => startStateRollupJob() },
];

/** Called by server.ts after the build loads; the returned function stops every job. */
export function startBackgroundJobs(): () => void {
  const stops = backgroundJobs.map((job) => job.start());
  return () => stops.forEach((stop) => stop());
}
