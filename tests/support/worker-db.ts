import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { inject } from "vitest";

// Runs before each test file, before it imports the app: points the app at a private copy of the
// seeded base database and a private data folder.
const base = inject("baseDatabase");
const dir = path.join(path.dirname(base), `file-${process.pid}-${crypto.randomBytes(4).toString("hex")}`);
fs.mkdirSync(dir, { recursive: true });
fs.copyFileSync(base, path.join(dir, "testa.db"));
process.env.DATABASE_PATH = path.join(dir, "testa.db");
process.env.SESSION_SECRET = "test-session-secret-that-is-long-enough-0123";
process.env.APP_URL = "http://localhost:3000";
delete process.env.SMTP_URL;
