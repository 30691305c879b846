import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { NonceProvider } from "./components/nonce";
import { startSessionPurge } from "./services/auth.server";
import { startMailSender } from "./services/mail.server";
import { startReminderJob } from "./services/reminders.server";

export const streamTimeout = 5_000;

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
            new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Log only the error itself: request URLs and bodies may carry case details.
          if (shellRendered) console.error(error instanceof Error ? error.stack : error);
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
];

/** Called by server.ts after the build loads; the returned function stops every job. */
export function startBackgroundJobs(): () => void {
  const stops = backgroundJobs.map((job) => job.start());
  return () => stops.forEach((stop) => stop());
}
