import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import { aliases } from "./vite.aliases";

export default defineConfig({
  resolve: { alias: aliases },
  build: { target: "es2022" },
  // Each build has its own id: the offline worker's cache is named after it (app/routes/sw[.]js.ts).
  define: { __TESTA_BUILD__: JSON.stringify(Date.now().toString(36)) },
  plugins: [
    remix({
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
      },
    }),
  ],
});
