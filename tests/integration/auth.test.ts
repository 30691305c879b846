import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { loginAttempts, sessions } from "#db/schema";
import { getDb } from "~/db.server";
import { action as loginAction } from "~/routes/login";
import { action as logoutAction } from "~/routes/logout";
import { loader as healthz } from "~/routes/healthz";
import { loader as reportsLoader } from "~/routes/reports._index";
import { loader as outcomesLoader } from "~/routes/reports.outcomes";
import { loader as rootLoader } from "~/root";
import { accountKeyOf, getSessionUser } from "~/services/auth.server";
import { demoPassword } from "../support/constants";
import { cookieFor, getRequest, postRequest, run } from "../support/remix";

const signIn = (fields: Record<string, string>, cookie?: string, clientAddress = "203.0.113.7") =>
  run(() => loginAction({ request: postRequest("/login", fields, cookie), params: {}, context: { clientAddress } }));

const cookieOf = (headers: Headers) => headers.get("Set-Cookie")!.split(";")[0];

describe("sign-in", () => {
  it("signs the secretariat in, in a fresh httpOnly SameSite=Lax session, and lands on the meetings", async () => {
    const res = await signIn({ email: "Secretariat@Demo.Testa", password: demoPassword });
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/meetings");
    const setCookie = res.headers.get("Set-Cookie")!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const user = await getSessionUser(getRequest("/", cookieOf(res.headers)));
    expect(user?.role).toBe("secretariat");
  });

  it("rotates the session id at sign-in and ends the old one", async () => {
    const old = await cookieFor("admin@demo.testa");
    const res = await signIn({ email: "admin@demo.testa", password: demoPassword }, old);
    expect(cookieOf(res.headers)).not.toBe(old);
    expect(await getSessionUser(getRequest("/", old))).toBeNull();
    expect(await getSessionUser(getRequest("/", cookieOf(res.headers)))).not.toBeNull();
  });

  it("refuses a wrong password with a message and keeps the email", async () => {
    const res = await signIn({ email: "police@demo.testa", password: "wrong-password" });
    expect(res.status).toBe(400);
    expect(res.data.errors.form).toBe("The email or password is not right.");
    expect(res.data.values.email).toBe("police@demo.testa");
  });

  it("puts a message next to each missing field", async () => {
    const res = await signIn({ email: "not-an-email", password: "" });
    expect(res.status).toBe(400);
    expect(res.data.errors.email).toBe("Enter a valid email address.");
    expect(res.data.errors.password).toBe("Enter your password.");
  });

  it("locks an account after 5 failures in 15 minutes from one address, even for the right password", async () => {
    const email = "dcpu@demo.testa";
    for (let i = 0; i < 5; i++) await signIn({ email, password: `wrong-${i}` });
    const res = await signIn({ email, password: demoPassword });
    expect(res.status).toBe(400);
    expect(res.data.errors.form).toMatch(/Too many failed attempts/);
    expect(
      getDb()
        .select({ n: count() })
        .from(loginAttempts)
        .where(eq(loginAttempts.accountKey, accountKeyOf(email)))
        .get()!.n,
    ).toBe(5);
  });

  it("does not let a stranger lock the holder out: the lock holds for the stranger's address only", async () => {
    const email = "admin@demo.testa";
    for (let i = 0; i < 6; i++) await signIn({ email, password: `guess-${i}` }, undefined, "198.51.100.66");
    expect((await signIn({ email, password: demoPassword }, undefined, "198.51.100.66")).data.errors.form).toMatch(
      /Too many failed attempts/,
    );
    const holder = await signIn({ email, password: demoPassword }, undefined, "192.0.2.10");
    expect(holder.status).toBe(302);
  });

  it("throttles one address that tries address after address", async () => {
    const client = "198.51.100.99";
    for (let i = 0; i < 20; i++)
      await signIn({ email: `nobody-${i}@example.org`, password: "guess" }, undefined, client);
    const res = await signIn({ email: "observer@demo.testa", password: demoPassword }, undefined, client);
    expect(res.status).toBe(400);
    expect(res.data.errors.form).toMatch(/from this address/);
    expect(
      (await signIn({ email: "observer@demo.testa", password: demoPassword }, undefined, "192.0.2.11")).status,
    ).toBe(302);
  });

  it("keeps neither the typed address nor the client's address, only keyed hashes", async () => {
    await signIn({ email: "Typed.Someone@Example.org", password: "guess" }, undefined, "198.51.100.123");
    const stored = JSON.stringify(getDb().select().from(loginAttempts).all()).toLowerCase();
    expect(stored).not.toContain("typed");
    expect(stored).not.toContain("example.org");
    expect(stored).not.toContain("198.51.100");
    expect(
      getDb()
        .select({ n: count() })
        .from(loginAttempts)
        .where(eq(loginAttempts.accountKey, accountKeyOf(" typed.someone@EXAMPLE.org")))
        .get()!.n,
    ).toBe(1);
  });

  it("never follows a redirect to another site after sign-in", async () => {
    const res = await signIn({ email: "observer@demo.testa", password: demoPassword, redirectTo: "//evil.example/x" });
    expect(res.headers.get("Location")).toBe("/reports/outcomes");
  });

  it("keeps a tab, CR or LF in redirectTo from reaching another origin or the Location header", async () => {
    // The probe's finding: `/%09/evil.example` answered `Location: /\t/evil.example`, which Chromium follows off-site.
    for (const redirectTo of ["/\t/evil.example", "/\r\nSet-Cookie: x=1", "/\n/evil.example", "/\\evil.example"]) {
      const res = await signIn({ email: "observer@demo.testa", password: demoPassword, redirectTo });
      expect(res.status).toBe(302);
      const location = res.headers.get("Location")!;
      // eslint-disable-next-line no-control-regex -- no control character may reach the Location header
      expect(location).not.toMatch(/[\u0000-\u001f]/);
      expect(new URL(location, "http://localhost:3000").origin).toBe("http://localhost:3000");
    }
    const kept = await signIn({
      email: "observer@demo.testa",
      password: demoPassword,
      redirectTo: "/reports/accountability?by=tenure",
    });
    expect(kept.headers.get("Location")).toBe("/reports/accountability?by=tenure");
  });

  it("ends the session at sign-out", async () => {
    const cookie = await cookieFor("police@demo.testa");
    const before = getDb().select({ n: count() }).from(sessions).get()!.n;
    const res = await run(() => logoutAction({ request: postRequest("/logout", {}, cookie), params: {}, context: {} }));
    expect(res.status).toBe(302);
    expect(getDb().select({ n: count() }).from(sessions).get()!.n).toBe(before - 1);
    expect(await getSessionUser(getRequest("/", cookie))).toBeNull();
  });
});

describe("who sees what", () => {
  it("sends a signed-out visitor to sign in, keeping where they were going", async () => {
    const res = await run(() => reportsLoader({ request: getRequest("/reports?x=1"), params: {}, context: {} }));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/login?redirectTo=%2Freports%3Fx%3D1");
  });

  it("shows observers only the sections they may use", async () => {
    const res = await run(() => rootLoader({ request: getRequest("/", ""), params: {}, context: {} }));
    expect(res.data.nav).toEqual([]);
    const observer = await run(async () =>
      rootLoader({ request: getRequest("/", await cookieFor("observer@demo.testa")), params: {}, context: {} }),
    );
    expect(observer.data.nav.map((n: { to: string }) => n.to)).toEqual([
      "/reports/outcomes",
      "/reports/accountability",
    ]);
  });

  it("sends /reports on to the outcomes", async () => {
    const res = await run(async () =>
      reportsLoader({
        request: getRequest("/reports", await cookieFor("observer@demo.testa")),
        params: {},
        context: {},
      }),
    );
    expect(res.headers.get("Location")).toBe("/reports/outcomes");
    void outcomesLoader;
  });
});

describe("/healthz", () => {
  it("answers ok after a real query", async () => {
    const res = await run(() => healthz());
    expect(res.status).toBe(200);
    expect(res.data).toEqual({ ok: true });
  });

  it("answers 503 when the database cannot be read", async () => {
    getDb().$client.close();
    const res = await run(() => healthz());
    expect(res.status).toBe(503);
  });
});
