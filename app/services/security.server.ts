import crypto from "node:crypto";

// Security headers and the cross-site POST check, applied by the HTTP server to every response.

export function newNonce(): string {
  return crypto.randomBytes(16).toString("base64");
}

/** Headers for every response. HSTS only when the app is served over https (APP_URL says so). */
export function securityHeaders(nonce: string, appUrl = ""): Record<string, string> {
  return {
    ...(appUrl.startsWith("https://") ? { "Strict-Transport-Security": "max-age=31536000" } : {}),
    "Content-Security-Policy": [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'`,
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "font-src 'self'",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join("; "),
    "Referrer-Policy": "same-origin",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
}

/** Headers for every page and data response (not the static files, which are the same for everyone). */
export function pageHeaders(): Record<string, string> {
  return { "Cache-Control": "no-store" };
}

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A state-changing request whose Origin is another site is refused. Browsers send Origin on every
 * POST; a request without one (curl, a script on the server) cannot carry a victim's cookies
 * cross-site, and SameSite=Lax covers old browsers. An opaque origin ("null": a page with a strict
 * referrer policy, a sandboxed frame) passes only when the browser itself says the request came
 * from this site (`Sec-Fetch-Site` is set by the browser and cannot be forged by a page).
 */
export function isCrossSiteWrite(
  method: string,
  origin: string | undefined,
  host: string | undefined,
  fetchSite?: string,
): boolean {
  if (safeMethods.has(method.toUpperCase())) return false;
  if (!origin) return false;
  if (origin === "null") return fetchSite !== "same-origin";
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
