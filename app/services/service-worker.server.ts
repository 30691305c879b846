// The service worker that keeps a meeting going when the network drops. Its cache is named after
// the build: a new build installs a new worker, which deletes every older cache when it takes
// over, so a deployed app is never served from an old cache. Pages come from the network first;
// the cache answers only when the network does not. Only the run page (and the files it loads)
// is kept: it shows no FIR number and no accused's name, and signing out deletes it.
//
// The worker is this one function, sent as the text of /sw.js with the build's id: it runs in
// the browser, so it uses nothing from outside its own body.

type ExtendableEvent = Event & { waitUntil(work: Promise<unknown>): void };
type FetchEvent = ExtendableEvent & { request: Request; respondWith(response: Promise<Response>): void };
type MessageEvent = ExtendableEvent & { data: unknown };
export type WorkerScope = {
  addEventListener(type: "install" | "activate", listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: "fetch", listener: (event: FetchEvent) => void): void;
  addEventListener(type: "message", listener: (event: MessageEvent) => void): void;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  location: { origin: string };
};

export function serviceWorker(worker: WorkerScope, build: string) {
  const cacheName = `testa-${build}`;
  const runPage = /^\/meetings\/\d+\/run$/;
  const isAsset = (path: string) => path.startsWith("/assets/") || path === "/favicon.svg";

  /** Keeps a run page as last loaded (the only page kept), with every file it names. */
  async function keepRunPage(url: string, response: Response) {
    const cache = await caches.open(cacheName);
    for (const old of await cache.keys()) if (runPage.test(new URL(old.url).pathname)) await cache.delete(old);
    const html = await response.clone().text();
    await cache.put(url, response);
    const files = new Set(html.match(/\/assets\/[\w.-]+\.(?:js|css)/g) ?? []);
    await Promise.all(
      [...files, "/favicon.svg"].map(
        async (file) => (await cache.match(file)) ?? cache.add(file).catch(() => undefined),
      ),
    );
  }

  async function fromNetworkThenCache(request: Request, keep: boolean): Promise<Response> {
    try {
      const response = await fetch(request);
      if (keep && response.ok && !response.redirected)
        await keepRunPage(new URL(request.url).pathname, response.clone());
      return response;
    } catch (error) {
      const kept = await (await caches.open(cacheName)).match(new URL(request.url).pathname, { ignoreVary: true });
      if (kept) return kept;
      throw error;
    }
  }

  async function fromCacheThenNetwork(request: Request): Promise<Response> {
    const cache = await caches.open(cacheName);
    const kept = await cache.match(request, { ignoreVary: true });
    if (kept) return kept;
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  }

  worker.addEventListener("install", (event) => event.waitUntil(worker.skipWaiting()));
  worker.addEventListener("activate", (event) => {
    event.waitUntil(
      (async () => {
        for (const name of await caches.keys()) if (name !== cacheName) await caches.delete(name);
        await worker.clients.claim();
      })(),
    );
  });
  worker.addEventListener("fetch", (event) => {
    const url = new URL(event.request.url);
    if (event.request.method !== "GET" || url.origin !== worker.location.origin) return;
    if (isAsset(url.pathname)) event.respondWith(fromCacheThenNetwork(event.request));
    else if (event.request.mode === "navigate" && runPage.test(url.pathname))
      event.respondWith(fromNetworkThenCache(event.request, true));
  });
  // The run page asks to be kept when it was reached by a link (no page load went through here).
  worker.addEventListener("message", (event) => {
    const message = event.data as { keep?: unknown };
    if (typeof message?.keep !== "string" || !runPage.test(message.keep)) return;
    const path = message.keep;
    event.waitUntil(
      fetch(path, { credentials: "same-origin" })
        .then((response) => (response.ok && !response.redirected ? keepRunPage(path, response) : undefined))
        .catch(() => undefined),
    );
  });
}

/** The text of /sw.js for this build. */
export function serviceWorkerScript(build: string): string {
  return `(${serviceWorker.toString()})(self, ${JSON.stringify(build)});\n`;
}
