import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "~/config.server";

const dir = () => fs.mkdtempSync(path.join(os.tmpdir(), "testa-config-"));

describe("loadConfig", () => {
  it("applies the defaults of the quick start", () => {
    const d = dir();
    const c = loadConfig({ DATABASE_PATH: path.join(d, "testa.db") });
    expect(c.PORT).toBe(3000);
    expect(c.TESTA_DEMO).toBe(true);
    expect(c.APP_URL).toBe("http://localhost:3000");
    expect(c.SMTP_URL).toBeUndefined();
  });

  it("generates the session secret once and keeps it in the data folder", () => {
    const d = dir();
    const first = loadConfig({ DATABASE_PATH: path.join(d, "testa.db") }).SESSION_SECRET;
    const second = loadConfig({ DATABASE_PATH: path.join(d, "testa.db") }).SESSION_SECRET;
    expect(first).toHaveLength(43);
    expect(second).toBe(first);
    expect(fs.statSync(path.join(d, "session-secret")).mode & 0o077).toBe(0);
  });

  it("stops with one clear line naming the bad variable", () => {
    const d = path.join(dir(), "testa.db");
    expect(() => loadConfig({ DATABASE_PATH: d, PORT: "abc" })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_PATH: d, PORT: "abc" })).toThrow(
      /^Configuration error: PORT must be a whole number \(got "abc"\)\.$/,
    );
    expect(() => loadConfig({ DATABASE_PATH: d, ADMIN_PASSWORD: "hunter2" })).toThrow(
      /^Configuration error: ADMIN_PASSWORD must be at least 10 characters \(value not shown\)\.$/,
    );
    expect(() => loadConfig({ DATABASE_PATH: d, SMTP_URL: "http://user:s3cret@mail" })).toThrow(
      /^(?!.*s3cret).*SMTP_URL.*\(value not shown\)\.$/,
    );
    expect(() => loadConfig({ DATABASE_PATH: d, TESTA_DEMO: "maybe" })).toThrow(/TESTA_DEMO must be one of/);
    expect(() => loadConfig({ DATABASE_PATH: d, SMTP_URL: "mail.example.org" })).toThrow(/SMTP_URL must look like/);
    expect(() => loadConfig({ DATABASE_PATH: d, APP_URL: "localhost" })).toThrow(/APP_URL must be a full URL/);
  });

  it("reads TESTA_DEMO=0 as off", () => {
    expect(loadConfig({ DATABASE_PATH: path.join(dir(), "t.db"), TESTA_DEMO: "0" }).TESTA_DEMO).toBe(false);
  });
});
