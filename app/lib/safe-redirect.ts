// Control characters (a tab or newline that browsers drop, turning `/\t/evil` into `//evil`) and
// backslashes (read as slashes) never appear in a path the app links to.
// eslint-disable-next-line no-control-regex -- these are the characters it refuses
const unsafeCharacters = /[\u0000-\u001F\u007F\\]/;

/**
 * A same-origin path to go to after sign-in, or the fallback. The candidate is parsed with
 * `new URL` against the app's own origin and kept only if it stays on that origin; what is
 * returned is the parsed path, query and fragment, never the raw input.
 */
export function safeRedirect(to: unknown, fallback: string, origin = "http://localhost"): string {
  if (typeof to !== "string" || !to.startsWith("/") || unsafeCharacters.test(to)) return fallback;
  let url: URL;
  try {
    url = new URL(to, origin);
  } catch {
    return fallback;
  }
  if (url.origin !== new URL(origin).origin) return fallback;
  return url.pathname + url.search + url.hash;
}
