import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn, startApp, type RunningApp } from "./support/app";
import { seriousViolations } from "./support/axe";

let app: RunningApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

describe("an observer", () => {
  it("reads the outcomes, their charts and definitions, and cannot open a case", async () => {
    const { page, context } = await signIn(app, "observer@demo.testa");
    expect(new URL(page.url()).pathname).toBe("/reports/outcomes");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Outcomes");
    expect(await page.getByRole("img", { name: /Conviction rate by year of judgment/ }).count()).toBe(1);
    expect(
      await page
        .getByRole("img", { name: /Victims with a legal-aid lawyer, by the year their case was registered/ })
        .count(),
    ).toBe(1);
    expect(
      await page.getByRole("img", { name: /Median participation index, by the year the case was opened/ }).count(),
    ).toBe(1);
    expect(
      await page.getByText("The index measures what the system delivered to the victim, not the victim.").count(),
    ).toBe(1);
    expect(
      await page
        .getByText("Convictions ÷ decided cases (convicted, acquitted or discharged), dated by the judgment.")
        .count(),
    ).toBe(1);
    // Every measure in the tables carries its own definition beside it.
    const measures = page.locator('th[scope="rowgroup"]');
    expect(await measures.count()).toBeGreaterThan(10);
    expect(await page.locator('th[scope="rowgroup"] .definition').count()).toBe(await measures.count());
    expect(await page.getByText(/the next smallest count \(or else the total\) is hidden too/).count()).toBe(1);
    expect(await page.getByRole("link", { name: "Cases" }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    const res = await page.goto("/cases/1");
    expect(res!.status()).toBe(403);
    const csv = await page.request.get("/reports/outcomes.csv");
    // UTF-8 with a byte-order mark, so that Excel on Windows reads Devanagari.
    expect((await csv.text()).split("\r\n")[0]).toBe(
      "\ufeffsection,measure,period,value,unit,count,out_of,note,definition",
    );
    await context.close();
  });
});
