import { describe, expect, it } from "vitest";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { loadRoute, routeFiles } from "../support/routes";

// Every page shows a failure the same way: each route module with a page (a default export)
// exports an ErrorBoundary that renders the shared GeneralErrorBoundary, so a 403, 404 or 500
// keeps the app's frame and says what happened in words. Excepted: resource routes, which have
// no page to put a boundary in (PDFs, CSVs, the invite, an attachment, /healthz) and routes that
// only redirect (/, /logout, /reports); an error there is answered as their status and words.

type Module = { default?: unknown; ErrorBoundary?: () => { type: unknown } };
const modules = import.meta.glob<Module>("/app/routes/*.{ts,tsx}");

describe("error boundaries", () => {
  it("every route with a page exports the shared error boundary", async () => {
    const missing: string[] = [];
    const resources: string[] = [];
    for (const file of routeFiles()) {
      const mod = await loadRoute(modules, file);
      if (mod.default === undefined) {
        resources.push(file);
        continue;
      }
      if (typeof mod.ErrorBoundary !== "function" || mod.ErrorBoundary().type !== GeneralErrorBoundary)
        missing.push(file);
    }
    expect(
      missing,
      "route modules with a page but without export function ErrorBoundary() { return <GeneralErrorBoundary /> }",
    ).toEqual([]);
    // The exceptions are pages-less by their nature: a download, a redirect (signing out, the
    // language switch), the health check, the offline worker script.
    expect(
      resources.every((f) =>
        /\[\.\](pdf|csv|ics|zip|js)\.ts$|attachments|healthz|^_index|^logout|^language\.ts$|^reports\._index/.test(f),
      ),
      resources.join(", "),
    ).toBe(true);
  });
});
