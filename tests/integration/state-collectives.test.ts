import { describe, expect, it } from "vitest";
import { action as loginAction } from "~/routes/login";
import { getSessionUser } from "~/services/auth.server";
import { demoPassword } from "../support/constants";
import { getRequest, postRequest, run } from "../support/remix";

const signIn = (email: string) =>
  run(() =>
    loginAction({
      request: postRequest("/login", { email, password: demoPassword }),
      params: {},
      context: { clientAddress: "203.0.113.9" },
    }),
  );

describe("the state's accounts", () => {
  it("sign in to the state roll-up, as the state's administrator and observer", async () => {
    for (const [email, role] of [
      ["state@demo.testa", "state_admin"],
      ["state-observer@demo.testa", "state_observer"],
    ] as const) {
      const res = await signIn(email);
      expect(res.status, email).toBe(302);
      expect(res.headers.get("Location")).toBe("/state");
      const cookie = res.headers.get("Set-Cookie")!.split(";")[0]!;
      expect((await getSessionUser(getRequest("/", cookie)))?.role).toBe(role);
    }
  });
});
