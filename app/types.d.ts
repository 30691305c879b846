import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    cspNonce?: string;
    /** The client's address (behind a proxy, only with TRUST_PROXY=1): sign-in throttling counts per address. */
    clientAddress?: string;
  }
  // Single Fetch types: loaders and actions return plain data or data() with a status.
  interface Future {
    v3_singleFetch: true;
  }
}

declare global {
  /** The build's id (vite.config.ts): names the offline worker's cache. */
  const __TESTA_BUILD__: string | undefined;
}
