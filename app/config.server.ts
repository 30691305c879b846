import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

const flag = z
  .enum(["0", "1", "true", "false", "yes", "no", "on", "off"], {
    error: "must be one of 0, 1, true, false, yes, no, on, off",
  })
  .transform((v) => ["1", "true", "yes", "on"].includes(v));

const envSchema = z.object({
  DATABASE_PATH: z.string().min(1, "must not be empty").default("data/testa.db"),
  PORT: z.coerce
    .number({ error: "must be a whole number" })
    .int("must be a whole number")
    .min(1, "must be between 1 and 65535")
    .max(65535, "must be between 1 and 65535")
    .default(3000),
  APP_URL: z.url({ error: "must be a full URL such as https://testa.example.org" }).optional(),
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/.+/, "must look like smtp://user:password@host:587 or smtps://host:465")
    .optional(),
  MAIL_FROM: z.string().min(3).default("TESTA Desk <testa-desk@localhost>"),
  TESTA_DEMO: flag.default(true),
  ADMIN_EMAIL: z.email({ error: "must be an email address" }).optional(),
  ADMIN_PASSWORD: z.string().min(10, "must be at least 10 characters").optional(),
  IDENTITY_KEY: z.string().min(32, "must be at least 32 characters").optional(),
  SESSION_IDLE_MINUTES: z.coerce
    .number({ error: "must be a whole number of minutes" })
    .int("must be a whole number of minutes")
    .min(5, "must be between 5 and 720")
    .max(720, "must be between 5 and 720")
    .default(60),
  TRUST_PROXY: flag.default(false),
  DIGEST_TIME: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be a time such as 08:30")
    .default("08:30"),
  /** The server's own daily backup into <data folder>/backups/. */
  DAILY_BACKUP: flag.default(true),
});

export type Config = Omit<z.infer<typeof envSchema>, "APP_URL" | "SESSION_SECRET" | "IDENTITY_KEY"> & {
  APP_URL: string;
  SESSION_SECRET: string;
  /** Keys the identity fingerprints. Lose it and every fingerprint is worthless: back it up. */
  IDENTITY_KEY: string;
  dataDir: string;
};

export class ConfigError extends Error {}

const secretNames = ["SESSION_SECRET", "SMTP_URL", "ADMIN_PASSWORD", "IDENTITY_KEY"];

/** Reads the environment once. Empty strings count as unset, so `PORT=` falls back to the default. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? "environment");
    // Secrets (and an SMTP URL, which may carry a password) are never echoed into a log.
    const shown = secretNames.includes(name) ? "(value not shown)" : `(got "${present[name] ?? ""}")`;
    throw new ConfigError(`Configuration error: ${name} ${issue?.message ?? "is not valid"} ${shown}.`);
  }
  const c = parsed.data;
  const dataDir = path.dirname(path.resolve(c.DATABASE_PATH));
  return {
    ...c,
    dataDir,
    APP_URL: (c.APP_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, ""),
    SESSION_SECRET: c.SESSION_SECRET ?? persistedSecret(dataDir, "session-secret"),
    IDENTITY_KEY: c.IDENTITY_KEY ?? persistedSecret(dataDir, "identity-key"),
  };
}

/** A secret generated once and kept beside the database, readable only by its owner. */
export function persistedSecret(dataDir: string, name: string): string {
  const file = path.join(dataDir, name);
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    const secret = crypto.randomBytes(32).toString("base64url");
    try {
      fs.writeFileSync(file, secret + "\n", { mode: 0o600, flag: "wx" });
      return secret;
    } catch {
      // Another process wrote it first: use theirs.
      return fs.readFileSync(file, "utf8").trim();
    }
  }
}

let cached: Config | undefined;
export function config(): Config {
  cached ??= loadConfig();
  return cached;
}
