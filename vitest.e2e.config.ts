import { defineConfig } from "vitest/config";
import { aliases } from "./vite.aliases";

export default defineConfig({
  resolve: { alias: aliases },
  test: {
    include: ["tests/e2e/**/*.test.ts"],
    setupFiles: ["tests/e2e/support/after-failure.ts"],
    pool: "forks",
    fileParallelism: true,
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // expect.poll gives up after 1 s by default: too little for a page on a loaded 2-core CI machine.
    expect: { poll: { timeout: 15_000 } },
    // A failed browser test is run once more before it counts: three CI runs today each had one or two
    // browser tests fail on timing alone (a different one each time). Each such failure is still printed.
    retry: 1,
  },
});
