import { afterEach, beforeEach, expect } from "vitest";
import { pageErrors, runningBrowsers, uncaughtInPages } from "./app";

// When a browser test fails, each page still open says where it was and what it showed, so that a
// failure on a loaded CI machine can be read from the log alone.
beforeEach(({ onTestFailed }) => {
  uncaughtInPages.length = 0;
  onTestFailed(async () => {
    for (const browser of runningBrowsers)
      for (const context of browser.contexts())
        for (const page of context.pages()) {
          const shown = await page
            .evaluate(() => document.body?.innerText.replace(/\n{2,}/g, "\n").slice(0, 1200) ?? "")
            .catch((error: unknown) => `(could not be read: ${String(error)})`);
          const errors = pageErrors.get(page) ?? [];
          console.log(
            `After the failure, a page at ${page.url()} showed:\n${shown}\n` +
              (errors.length ? `Its scripts reported:\n${errors.join("\n")}\n` : ""),
          );
        }
  });
});

// An exception that no script of a page caught is a defect of the product, even when the test's
// own checks passed (a frame's height read before its document existed broke the Outbox message page).
afterEach(() => {
  expect(uncaughtInPages.splice(0), "exceptions no script caught").toEqual([]);
});
