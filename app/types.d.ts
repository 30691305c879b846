import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    cspNonce?: string;
  }
  // Single Fetch types: loaders and actions return plain data or data() with a status.
  interface Future {
    v3_singleFetch: true;
  }
}
