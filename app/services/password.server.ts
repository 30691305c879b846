import { hash, verify } from "@node-rs/argon2";
import { config } from "~/config.server";

// argon2id with the library's defaults (m=19456 KiB, t=2, p=1: the OWASP baseline).
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Where a single-use set-password link points (the welcome page): in welcome emails and on the admin's screen. */
export function setPasswordUrl(token: string): string {
  return `${config().APP_URL}/welcome/${token}`;
}
