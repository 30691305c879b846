import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { offlineCopyHeader, serviceWorker, type WorkerScope } from "~/services/service-worker.server";

// The offline worker's own logic, run in Node against an in-memory stand-in for the browser's
// CacheStorage and a network whose answers the test releases one by one. The browser tests in
// tests/e2e/offline-capture.test.ts drive the real worker in Chromium; this one pins down an
// ordering a browser run meets only by chance: signing out while a page is still on its way.
const origin = "http://testa.example";
const pathOf = (request: RequestInfo | URL) =>
  new URL(typeof request === "string" ? request : request instanceof URL ? request.href : request.url, origin).pathname;

class MemoryCache {
  readonly entries = new Map<string, { body: string; init: ResponseInit }>();
  async match(request: RequestInfo) {
    const kept = this.entries.get(pathOf(request));
    return kept ? new Response(kept.body, kept.init) : undefined;
  }
  async put(request: RequestInfo, response: Response) {
    this.entries.set(pathOf(request), {
      body: await response.text(),
      init: { status: response.status, headers: response.headers },
    });
  }
  async add(request: RequestInfo) {
    await this.put(request, await fetch(request));
  }
  async keys() {
    return [...this.entries.keys()].map((p) => new Request(origin + p));
  }
  async delete(request: RequestInfo) {
    return this.entries.delete(pathOf(request));
  }
}

class MemoryCaches {
  readonly stores = new Map<string, MemoryCache>();
  async open(name: string) {
    if (!this.stores.has(name)) this.stores.set(name, new MemoryCache());
    return this.stores.get(name)!;
  }
  async keys() {
    return [...this.stores.keys()];
  }
  async delete(name: string) {
    return this.stores.delete(name);
  }
}

/** A network that answers each request only when the test says so. */
function heldNetwork() {
  const waiting = new Map<string, (response: Response) => void>();
  const fetch = (request: RequestInfo) =>
    new Promise<Response>((answer) => {
      const path = pathOf(request);
      if (path.startsWith("/assets/") || path === "/favicon.svg") answer(new Response("/* file */"));
      else waiting.set(path, answer);
    });
  const answer = (path: string) => {
    const reply = waiting.get(path);
    if (!reply) throw new Error(`nothing asked for ${path}`);
    waiting.delete(path);
    reply(
      new Response('<html><script src="/assets/run-1.js"></script></html>', {
        status: 200,
        headers: { [offlineCopyHeader]: "keep", "content-type": "text/html" },
      }),
    );
  };
  return { fetch, answer, asked: () => [...waiting.keys()] };
}

type Listener = (event: never) => void;
function startWorker() {
  const listeners = new Map<string, Listener>();
  const pending: Promise<unknown>[] = [];
  const scope = {
    addEventListener: (type: string, listener: Listener) => listeners.set(type, listener),
    skipWaiting: async () => undefined,
    clients: { claim: async () => undefined },
    location: { origin },
  } as unknown as WorkerScope;
  serviceWorker(scope, "build-1", offlineCopyHeader);
  /** Sends the worker a message from the page; resolves with what it answered on the given port. */
  const post = (data: unknown) => {
    const answers: unknown[] = [];
    const event = {
      data,
      ports: [{ postMessage: (m: unknown) => answers.push(m) }],
      waitUntil: (work: Promise<unknown>) => pending.push(work),
    };
    (listeners.get("message") as (e: typeof event) => void)(event);
    return answers;
  };
  const settled = async () => {
    for (let i = 0; i < 20; i++) await Promise.all(pending.splice(0));
  };
  return { post, settled };
}

let memory: MemoryCaches;
let network: ReturnType<typeof heldNetwork>;
beforeEach(() => {
  memory = new MemoryCaches();
  network = heldNetwork();
  vi.stubGlobal("caches", memory);
  vi.stubGlobal("fetch", network.fetch);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("the offline worker", () => {
  it("keeps a page the server marked, with the files it names", async () => {
    const worker = startWorker();
    worker.post({ keep: "/meetings/7/run" });
    await tick();
    network.answer("/meetings/7/run");
    await worker.settled();
    const kept = [...(memory.stores.get("testa-build-1")?.entries.keys() ?? [])];
    expect(kept).toEqual(expect.arrayContaining(["/meetings/7/run", "/assets/run-1.js", "/favicon.svg"]));
  });

  it("keeps nothing of a page still on its way when its user signs out", async () => {
    const worker = startWorker();
    worker.post({ keep: "/meetings/7/run" });
    await tick();
    expect(network.asked()).toEqual(["/meetings/7/run"]);
    const answers = worker.post({ forget: true });
    network.answer("/meetings/7/run");
    await worker.settled();
    expect(answers).toEqual(["forgotten"]);
    expect(await memory.keys()).toEqual([]);
    // Nor does it keep anything after that, though the page asks.
    worker.post({ keep: "/meetings/7" });
    await worker.settled();
    expect(network.asked()).toEqual([]);
    expect(await memory.keys()).toEqual([]);
  });

  it("deletes what it had kept when told to forget", async () => {
    const worker = startWorker();
    worker.post({ keep: "/meetings/7" });
    await tick();
    network.answer("/meetings/7");
    await worker.settled();
    expect(await memory.keys()).toEqual(["testa-build-1"]);
    const answers = worker.post({ forget: true });
    await worker.settled();
    expect(answers).toEqual(["forgotten"]);
    expect(await memory.keys()).toEqual([]);
  });
});
