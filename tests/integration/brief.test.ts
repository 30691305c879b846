import { eq, like } from "drizzle-orm";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actionItems, mailOutbox } from "#db/schema";
import { getDb } from "~/db.server";
import { todayIn } from "~/lib/dates";
import { loader as briefPdf } from "~/routes/departments.$departmentId.brief[.]pdf";
import { loader as briefLoader } from "~/routes/departments.$departmentId_.brief";
import { action as transferAction } from "~/routes/departments.$departmentId_.transfer";
import { loader as actionsLoader } from "~/routes/actions._index";
import { action as welcomeAction } from "~/routes/welcome.$token";
import { getSessionUser } from "~/services/auth.server";
import { deliverDueMail, smtpTransport } from "~/services/mail.server";
import { pdfText } from "../support/pdf";
import { expectNoRestricted } from "../support/restricted";
import { cookieFor, getRequest, postRequest, run } from "../support/remix";
import { startSmtp, type TestSmtp } from "../support/smtp";
import { departmentIdsByKind, type SeededKind } from "../support/departments";
import { must } from "../support/present";

let dept: Record<SeededKind, number>;
let smtp: TestSmtp;
beforeAll(async () => {
  dept = departmentIdsByKind();
  smtp = await startSmtp();
});
afterAll(async () => {
  await smtp.stop();
});

const brief = async (departmentId: number, email: string) =>
  run(async () =>
    briefLoader({
      request: getRequest(`/departments/${departmentId}/brief`, await cookieFor(email)),
      params: { departmentId: String(departmentId) },
      context: {},
    }),
  );

describe("the onboarding brief", () => {
  it("holds the department's role, open actions with their history, cases, decisions, figures by tenure, the seats and the next meeting", async () => {
    const res = await brief(dept.police, "police@demo.testa");
    const b = res.data.brief;
    expect(b.department.name).toBe("Police – Anti-Human-Trafficking Unit");
    expect(b.roleSummary).toMatch(/is involved in \d+ open cases: it leads \d+, supports \d+/);
    const open = getDb()
      .select()
      .from(actionItems)
      .where(eq(actionItems.departmentId, dept.police))
      .all()
      .filter((a) => ["open", "in_progress", "blocked"].includes(a.status));
    expect(b.actions).toHaveLength(open.length);
    for (const a of b.actions)
      expect(a.history).toMatch(
        /^(agreed at Meeting \d+|added by the secretariat), carried \d+ times?, (last update \d{2}\/\d{2}\/\d{4}|no update yet)$/,
      );
    expect(b.cases.length).toBeGreaterThan(5);
    expect(b.cases[0]).toMatchObject({
      code: expect.stringMatching(/^DEM-/),
      role: expect.stringMatching(/lead|support|informed/),
    });
    expect(b.decisions.length).toBeGreaterThan(0);
    expect(b.accountability.map((r: { tenure: { officerName: string } }) => r.tenure.officerName)).toEqual([
      "Sanjay Patil",
      "Rajendra Sawant",
    ]);
    expect(b.seats).toHaveLength(8);
    expect(b.nextMeeting.inviteUrl).toMatch(/\/meetings\/\d+\/invite\.ics$/);
  });

  it("is for the department's own representative, the secretariat and the admin only", async () => {
    expect((await brief(dept.police, "secretariat@demo.testa")).status).toBe(200);
    expect((await brief(dept.police, "admin@demo.testa")).status).toBe(200);
    expect((await brief(dept.police, "dcpu@demo.testa")).status).toBe(403);
    expect((await brief(dept.police, "observer@demo.testa")).status).toBe(403);
    expect((await brief(999999, "admin@demo.testa")).status).toBe(404);
  });

  it("prints as a PDF with its nine sections and no restricted value", async () => {
    const res = await briefPdf({
      request: getRequest(`/departments/${dept.police}/brief.pdf`, await cookieFor("police@demo.testa")),
      params: { departmentId: String(dept.police) },
      context: {},
    });
    const text = pdfText(Buffer.from(await res.arrayBuffer()));
    for (const section of [
      "1. The collective and your seat",
      "2. Your department's role",
      "3. Open action items",
      "4. Cases your department",
      "5. Decisions of the last three",
      "6. Accountability, by tenure",
      "7. The other seats",
      "8. The next meeting",
      "9. Glossary",
    ]) {
      expect(text).toContain(section);
    }
    expectNoRestricted(text);
  });
});

describe("handover", () => {
  it("sends the successor one welcome email with the link, the brief and the next meeting's invite; they then see the department's items", async () => {
    const admin = await cookieFor("admin@demo.testa");
    const today = todayIn("Asia/Kolkata");
    const res = await run(() =>
      transferAction({
        request: postRequest(
          `/departments/${dept.dcpu}/transfer`,
          {
            effectiveOn: today,
            officerName: "Priya Nair",
            designation: "DCPO",
            email: "priya.nair@example.org",
            phone: "",
          },
          admin,
        ),
        params: { departmentId: String(dept.dcpu) },
        context: {},
      }),
    );
    expect(res.data.errors?.form).toBeUndefined();
    expect(res.status).toBe(200);
    const queued = getDb().select().from(mailOutbox).where(like(mailOutbox.idempotencyKey, "welcome:%")).all();
    expect(queued).toHaveLength(1);
    await deliverDueMail({ transport: smtpTransport(smtp.url), now: new Date(Date.now() + 60_000) });
    const mail = must((await smtp.waitFor(1))[0], "the welcome mail");
    expect(mail.subject).toBe("Welcome to the Demo District collective: your seat for District Child Protection Unit");
    expect(mail.attachments.filter((a) => a.contentType === "application/pdf").map((a) => a.filename)).toEqual([
      "onboarding-brief.pdf",
    ]);
    const invites = mail.attachments.filter((a) => a.contentType.startsWith("text/calendar"));
    expect(invites).toHaveLength(1);
    const attendees = new ICAL.Component(ICAL.parse(must(invites[0]).content.toString("utf8")))
      .getFirstSubcomponent("vevent")!
      .getAllProperties("attendee")
      .map((p) => String(p.getFirstValue()).toLowerCase());
    expect(attendees).toContain("mailto:priya.nair@example.org");
    const link = must(/\/welcome\/([A-Za-z0-9_-]+)/.exec(mail.text ?? ""), "the welcome link")[1];
    expect(link).toBe(res.data.done.link.split("/").pop());
    // The brief in the email is built after the transfer is written: the new holder and the closed
    // tenure, as the downloaded brief shows them.
    const emailed = pdfText(mail.attachments.find((a) => a.contentType === "application/pdf")!.content);
    expect(emailed).toContain("For Priya Nair, DCPO");
    expect(emailed).not.toMatch(/\d{2}\/\d{2}\/\d{4} – now[\s\S]*\d{2}\/\d{2}\/\d{4} – now/);
    const downloaded = pdfText(
      new Uint8Array(
        await (
          (await briefPdf({
            request: getRequest(`/departments/${dept.dcpu}/brief.pdf`, admin),
            params: { departmentId: String(dept.dcpu) },
            context: {},
          })) as Response
        ).arrayBuffer(),
      ),
    );
    expect(emailed).toBe(downloaded);

    const set = await run(() =>
      welcomeAction({
        request: postRequest(`/welcome/${link}`, { password: "a-long-password", confirm: "a-long-password" }),
        params: { token: link },
        context: {},
      }),
    );
    const cookie = set.headers.get("Set-Cookie")!.split(";")[0];
    const successor = await getSessionUser(getRequest("/", cookie));
    expect(successor?.departmentId).toBe(dept.dcpu);
    const items = await run(() => actionsLoader({ request: getRequest("/actions", cookie), params: {}, context: {} }));
    const owned = getDb().select().from(actionItems).where(eq(actionItems.departmentId, dept.dcpu)).all();
    expect(items.data.rows).toHaveLength(owned.length);
  });
});
