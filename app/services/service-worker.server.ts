// The service worker that keeps a meeting going when the network drops. Its cache is named after
// the build: a new build installs a new worker, which deletes every older cache when it takes
// over, so a deployed app is never served from an old cache. Pages come from the network first;
// the cache answers only when the network does not. Two pages are kept, each as last loaded: the
// run page and the agenda page of a meeting, and only when the server marked the page as one a
// device may keep (offlineCopyHeader: it shows no FIR number, no accused's name, no protected
// text). The files they load are kept too, with the ones their scripts fetch later (a form's
// schema). Signing out deletes it all: the page tells the worker to forget (below) before it
// deletes the caches itself, so that a page the worker was still fetching is not kept afterwards.
//
// The worker is this one function, sent as the text of /sw.js with the build's id: it runs in
// the browser, so it uses nothing from outside its own body.

/** The response header by which a page says this device may keep it for offline use. */
export const offlineCopyHeader = "X-Offline-Copy";

type ExtendableEvent = Event & { waitUntil(work: Promise<unknown>): void };
type FetchEvent = ExtendableEvent & { request: Request; respondWith(response: Promise<Response>): void };
type MessageEvent = ExtendableEvent & { data: unknown; ports: readonly { postMessage(message: unknown): void }[] };
export type WorkerScope = {
  addEventListener(type: "install" | "activate", listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: "fetch", listener: (event: FetchEvent) => void): void;
  addEventListener(type: "message", listener: (event: MessageEvent) => void): void;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  location: { origin: string };
};

export function serviceWorker(worker: WorkerScope, build: string, header: string) {
  const cacheName = `testa-${build}`;
  // Each kind of page kept, one page of each: a newer one replaces the older.
  const keptKinds = [/^\/meetings\/\d+\/run$/, /^\/meetings\/\d+$/];
  const kindOf = (path: string) => keptKinds.find((kind) => kind.test(path));
  const isAsset = (path: string) => path.startsWith("/assets/") || path === "/favicon.svg";

  // Every change to the cache runs in this one queue, in turn. After the page said "forget" (its
  // user signed out) nothing more is written: a page or file still on its way is dropped, and the
  // deletion queued behind any write already under way removes what that write put in.
  let forgotten = false;
  let queue: Promise<unknown> = Promise.resolve();
  function inTurn(change: () => Promise<unknown>): Promise<unknown> {
    queue = queue.then(() => (forgotten ? undefined : change())).catch(() => undefined);
    return queue;
  }
  async function forget() {
    forgotten = true;
    queue = queue.then(async () => {
      for (const name of await caches.keys()) await caches.delete(name);
    });
    await queue.catch(() => undefined);
  }

  /** The files a kept page or script names: its scripts and styles, and the chunks a script imports later. */
  const filesNamedIn = (text: string, base: string) =>
    (text.match(/(?:\/assets\/|\.\/|"assets\/)[\w.-]+\.(?:js|css)/g) ?? []).map(
      (name) => new URL(name.replace(/^"/, "/"), new URL(base, worker.location.origin)).pathname,
    );

  /** Keeps every file a page needs, and the files those name in turn (already kept ones are not fetched again). */
  async function keepFiles(cache: Cache, html: string) {
    const seen = new Set<string>(["/favicon.svg"]);
    let next = filesNamedIn(html, "/");
    while (next.length) {
      const fresh = next.filter((file) => !seen.has(file));
      fresh.forEach((file) => seen.add(file));
      const texts = await Promise.all(
        fresh.map(async (file) => {
          const kept =
            (await cache.match(file)) ??
            (await cache.add(file).then(
              () => cache.match(file),
              () => null,
            ));
          return kept && file.endsWith(".js") ? filesNamedIn(await kept.text(), file) : [];
        }),
      );
      next = texts.flat();
    }
    if (!(await cache.match("/favicon.svg"))) await cache.add("/favicon.svg").catch(() => undefined);
  }

  /**
   * Keeps a page as last loaded, in place of the page of its kind kept before, when the server
   * marked it as one to keep. A page it did not mark is not kept, and an older copy of that same
   * page goes (it is out of date); the kept page of another meeting stays.
   */
  function keepPage(path: string, response: Response) {
    const kind = kindOf(path);
    if (!kind || !response.ok || response.redirected) return Promise.resolve();
    return inTurn(() => replacePage(path, kind, response));
  }
  async function replacePage(path: string, kind: RegExp, response: Response) {
    const cache = await caches.open(cacheName);
    const keep = response.headers.get(header) === "keep";
    for (const old of await cache.keys()) {
      const oldPath = new URL(old.url).pathname;
      if (keep ? kind.test(oldPath) : oldPath === path) await cache.delete(old);
    }
    if (!keep) return;
    const html = await response.clone().text();
    await cache.put(path, response);
    await keepFiles(cache, html);
  }

  /** A kept page, marked as the offline copy (the page then says so, with the time it was loaded). */
  async function keptCopy(path: string): Promise<Response | undefined> {
    const kept = await (await caches.open(cacheName)).match(path, { ignoreVary: true });
    if (!kept) return undefined;
    const html = (await kept.text()).replace(/<html\b/i, "<html data-offline-copy");
    const headers = new Headers(kept.headers);
    headers.delete("content-length");
    return new Response(html, { status: kept.status, headers });
  }

  /** A page from the network, kept (`later` holds the worker open for that) once it is answered. */
  async function fromNetworkThenCache(request: Request, later: (work: Promise<unknown>) => void): Promise<Response> {
    const path = new URL(request.url).pathname;
    try {
      const response = await fetch(request);
      later(keepPage(path, response.clone()));
      return response;
    } catch (error) {
      const kept = await keptCopy(path);
      if (kept) return kept;
      throw error;
    }
  }

  async function fromCacheThenNetwork(request: Request): Promise<Response> {
    const cache = await caches.open(cacheName);
    const kept = await cache.match(request, { ignoreVary: true });
    if (kept) return kept;
    const response = await fetch(request);
    if (response.ok) {
      const copy = response.clone();
      await inTurn(() => cache.put(request, copy));
    }
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
    else if (event.request.mode === "navigate" && kindOf(url.pathname))
      event.respondWith(fromNetworkThenCache(event.request, (work) => event.waitUntil(work)));
  });
  // A kept page asks to be kept when it was reached by a link (no page load went through here).
  worker.addEventListener("message", (event) => {
    const message = event.data as { keep?: unknown; forget?: unknown };
    if (message?.forget === true) {
      event.waitUntil(forget().then(() => event.ports[0]?.postMessage("forgotten")));
      return;
    }
    if (forgotten || typeof message?.keep !== "string" || !kindOf(message.keep)) return;
    const path = message.keep;
    event.waitUntil(
      fetch(path, { credentials: "same-origin" })
        .then((response) => keepPage(path, response))
        .catch(() => undefined),
    );
  });
}

/** The text of /sw.js for this build. */
export function serviceWorkerScript(build: string): string {
  return `(${serviceWorker.toString()})(self, ${JSON.stringify(build)}, ${JSON.stringify(offlineCopyHeader)});\n`;
}
