import { serviceWorkerScript } from "~/services/service-worker.server";

// A build's id, set by vite.config.ts: a new build is a new worker with a new cache.
const build = typeof __TESTA_BUILD__ === "string" ? __TESTA_BUILD__ : "dev";

/** /sw.js, the offline worker. Never kept by a cache: the browser checks it for a new build. */
export function loader() {
  return new Response(serviceWorkerScript(build), {
    headers: { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "no-cache" },
  });
}
