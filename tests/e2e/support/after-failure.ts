import { beforeEach } from "vitest";
import { runningBrowsers } from "./app";

// When a browser test fails, each page still open says where it was and what it showed, so that a
// failure on a loaded CI machine can be read from the log alone.
beforeEach(({ onTestFailed }) => {
  onTestFailed(async () => {
    for (const browser of runningBrowsers)
      for (const context of browser.contexts())
        for (const page of context.pages()) {
          const shown = await page
            .evaluate(() => document.body?.innerText.replace(/\n{2,}/g, "\n").slice(0, 1200) ?? "")
            .catch((error: unknown) => `(could not be read: ${String(error)})`);
          console.log(`After the failure, a page at ${page.url()} showed:\n${shown}\n`);
        }
  });
});
