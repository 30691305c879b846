import ExcelJS from "exceljs";
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

const register = [
  "Case Code;Police Station;FIR Number;FIR Year;Stage;Status;Opened On;Next Hearing On;Lead Department;Accused;Victims",
  ";सीताबर्डी;9001;2024;दोषारोपपत्र दाखल;चालू;03/02/2024;15/01/2027;police;Ramesh Kale;2",
  ";Wadi;9002;2024;Investigation;Open;2024-05-20;;prosecution;;V-7001",
].join("\r\n");
const file = (name: string, content: string | Buffer) => ({
  name,
  mimeType: name.endsWith(".csv") ? "text/csv" : "application/octet-stream",
  buffer: Buffer.isBuffer(content) ? content : Buffer.from(`\uFEFF${content}`),
});

describe("the administrator imports a case register", () => {
  it("without JavaScript: uploads, sees what each row becomes, confirms, and importing again changes nothing", async () => {
    const { page, context } = await signIn(app, "admin@demo.testa", { javaScriptEnabled: false });
    await page.goto("/settings/import");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Import a case register");
    expect(await page.getByText("Up to 10,000 cases and 10 MB a file.", { exact: false }).count()).toBe(1);
    const template = await page.request.get("/settings/import/template.csv");
    expect((await template.text()).split("\r\n")[0]).toBe(
      "\ufeffcase_code,police_station,fir_number,fir_year,sections,court,court_case_number,stage,status,outcome,opened_on,closed_on,next_hearing_on,lead_department,accused,victims,notes",
    );

    await page.setInputFiles("#register", file("register.csv", register));
    await page.getByRole("button", { name: "Check the file" }).click();
    // Without JavaScript the progress page refreshes itself until the check is done.
    await page
      .getByRole("heading", { name: "Every row of “register.csv” is valid: check what each becomes, then import" })
      .waitFor({ timeout: 30_000 });
    expect(await page.getByText("2 rows: 2 new, 0 to update, 0 unchanged.", { exact: false }).count()).toBe(1);
    const rows = page.locator("tbody tr");
    expect(await rows.nth(0).locator("td").allTextContents()).toEqual([
      "2",
      "New",
      expect.stringMatching(/^DEM-2024-\d{4}$/),
      "सीताबर्डी",
      "Chargesheet filed",
      "Open",
      "Police – Anti-Human-Trafficking Unit",
      "1 accused, 2 victims",
    ]);
    expect(await rows.nth(1).locator("td").nth(6).textContent()).toBe("Public Prosecutor's Office");
    expect(await page.getByText("“Lead Department” → lead_department", { exact: false }).count()).toBe(1);

    await page.getByRole("button", { name: "Import 2 cases" }).click();
    await page.getByText("Imported “register.csv”: 2 new, 0 updated, 0 unchanged.").waitFor({ timeout: 30_000 });
    await page.goto("/cases?q=सीताबर्डी");
    expect(await page.getByRole("link", { name: /^DEM-2024-\d{4}$/ }).count()).toBe(1);

    await page.goto("/settings/import");
    await page.setInputFiles("#register", file("register.csv", register));
    await page.getByRole("button", { name: "Check the file" }).click();
    await page.getByText("2 rows: 0 new, 0 to update, 2 unchanged.", { exact: false }).waitFor({ timeout: 30_000 });
    expect(
      await page.getByText("Nothing to import: every case in the file is already registered as it says.").count(),
    ).toBe(1);
    expect(await page.getByRole("button", { name: /^Import/ }).count()).toBe(0);
    await context.close();
  });

  it("without JavaScript: a bad file lists each bad row, and a column of victims' names is refused with the law", async () => {
    const { page, context } = await signIn(app, "admin@demo.testa", { javaScriptEnabled: false });
    await page.goto("/settings/import");
    await page.setInputFiles(
      "#register",
      file(
        "bad.csv",
        "police_station,fir_number,fir_year,stage,status,opened_on,lead_department\nWadi,9101,2024,trial,open,31/02/2024,police\n",
      ),
    );
    await page.getByRole("button", { name: "Check the file" }).click();
    await page
      .getByRole("heading", { name: "Nothing was imported: 2 problems in “bad.csv”" })
      .waitFor({ timeout: 30_000 });
    expect(await page.getByRole("alert").locator("li").allTextContents()).toEqual([
      "row 2: stage: Choose a valid stage. The cell holds “trial”.",
      "row 2: opened_on: Opened on must be a real date (day/month/year). The cell holds “31/02/2024”.",
    ]);
    await page.setInputFiles(
      "#register",
      file(
        "names.csv",
        "police_station,stage,status,opened_on,lead_department,victims,Victim name\nWadi,fir,open,01/03/2024,police,1,x\n",
      ),
    );
    await page.getByRole("button", { name: "Check the file" }).click();
    await page
      .getByRole("heading", { name: "Nothing was imported: 1 problem in “names.csv”" })
      .waitFor({ timeout: 30_000 });
    expect(await page.getByRole("alert").textContent()).toMatch(
      /The column “Victim name” looks like victims' names, so the file was refused\. The law forbids .*BNS s\.72/,
    );
    await context.close();
  });

  it("with JavaScript: an Excel workbook with date serials is checked, previewed and imported", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Cases");
    sheet.addRow(["police_station", "fir_number", "fir_year", "stage", "status", "opened_on", "lead_department"]);
    sheet.addRow(["Hingna", "9301", 2025, "investigation", "open", 45700, "police"]);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const { page, context } = await signIn(app, "admin@demo.testa");
    await page.goto("/settings/import");
    await page.setInputFiles("#register", file("register.xlsx", xlsx));
    await page.getByRole("button", { name: "Check the file" }).click();
    await page.getByText("1 row: 1 new, 0 to update", { exact: false }).waitFor({ timeout: 30_000 });
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Import 1 case" }).click();
    await page.getByText("Imported “register.xlsx”: 1 new, 0 updated, 0 unchanged.").waitFor({ timeout: 30_000 });
    await context.close();
  });

  it("a large register: progress while it is checked and while it is written, and every row paged through, without JavaScript and with it", async () => {
    const big = (from: number, to: number) =>
      [
        "police_station,fir_number,fir_year,stage,status,opened_on,lead_department,accused",
        ...Array.from({ length: to - from }, (_, k) => {
          const i = from + k;
          const name = `${["Ramesh", "Salim", "Anil", "Vijay", "Imran"][i % 5]} ${["Kale", "Borkar", "Thool", "Pathan", "Meshram", "Ansari", "Dhurve", "Uike"][Math.floor(i / 5) % 8]} ${["Bhau", "Anna", "Dada", "Nana", "Bapu", "Appa", "Tatya", "Mama", "Kaka", "Baba", "Raja", "Pintu", "Guddu", "Sonu", "Monu", "Chotu"][Math.floor(i / 40) % 16]}`;
          return `Station ${i % 9},${40_000 + i},2025,investigation,open,01/06/2025,police,${name}`;
        }),
      ].join("\r\n");

    const off = await signIn(app, "admin@demo.testa", { javaScriptEnabled: false });
    await off.page.goto("/settings/import");
    await off.page.setInputFiles("#register", file("big.csv", big(0, 450)));
    await off.page.getByRole("button", { name: "Check the file" }).click();
    await off.page.getByRole("heading", { name: "Checking “big.csv”" }).waitFor();
    await off.page
      .getByText("450 rows: 450 new, 0 to update, 0 unchanged.", { exact: false })
      .waitFor({ timeout: 60_000 });
    await off.page.getByText("Rows 1–200 of 450 (page 1 of 3)").first().waitFor();
    await off.page.getByRole("link", { name: "Next page →" }).first().click();
    await off.page.getByText("Rows 201–400 of 450 (page 2 of 3)").first().waitFor();
    expect(await off.page.locator("tbody tr").first().locator("td").first().textContent()).toBe("202");
    await off.page.getByRole("link", { name: "Next page →" }).first().click();
    await off.page.getByText("Rows 401–450 of 450 (page 3 of 3)").first().waitFor();
    expect(await off.page.locator("tbody tr").count()).toBe(50);
    expect(await off.page.locator("tbody tr").last().locator("td").first().textContent()).toBe("451");
    await off.page.getByRole("button", { name: "Import 450 cases" }).click();
    await off.page.getByRole("heading", { name: "Importing “big.csv”" }).waitFor();
    expect(await off.page.getByText("rows written.", { exact: false }).count()).toBe(1);
    await off.page.getByText("Imported “big.csv”: 450 new, 0 updated, 0 unchanged.").waitFor({ timeout: 60_000 });
    await off.context.close();

    // With JavaScript the page follows the job without reloading; the filter shows one kind of row.
    const on = await signIn(app, "admin@demo.testa");
    await on.page.goto("/settings/import");
    await on.page.setInputFiles("#register", file("more.csv", big(300, 700)));
    await on.page.getByRole("button", { name: "Check the file" }).click();
    await on.page.getByRole("heading", { name: "Checking “more.csv”" }).waitFor();
    await on.page
      .getByText("400 rows: 250 new, 0 to update, 150 unchanged.", { exact: false })
      .waitFor({ timeout: 60_000 });
    await on.page.getByRole("link", { name: "Unchanged (150)" }).click();
    await on.page.locator(`strong[aria-current="page"]`, { hasText: "Unchanged (150)" }).waitFor();
    expect(new Set(await on.page.locator("tbody tr td:nth-child(2)").allTextContents())).toEqual(
      new Set(["Unchanged"]),
    );
    expect(await on.page.locator("tbody tr").count()).toBe(150);
    await on.page.getByRole("link", { name: "New (250)" }).click();
    await on.page.getByText("Rows 1–200 of 250 (page 1 of 2)").first().waitFor();
    expect(new Set(await on.page.locator("tbody tr td:nth-child(2)").allTextContents())).toEqual(new Set(["New"]));
    await on.page.getByRole("button", { name: "Import 250 cases" }).click();
    await on.page.getByRole("heading", { name: "Importing “more.csv”" }).waitFor();
    await on.page.getByText("Imported “more.csv”: 250 new, 0 updated, 150 unchanged.").waitFor({ timeout: 60_000 });
    await on.context.close();
  }, 240_000);

  it("is the administrator's alone", async () => {
    const { page, context } = await signIn(app, "secretariat@demo.testa");
    expect((await page.goto("/settings/import"))!.status()).toBe(403);
    await context.close();
  });
});
