// The route pattern of a request ("/meetings/:meetingId/run"), for logs: the pattern, not the
// address, so a log line names the page without whatever an address carries.

export type RouteEntry = { id: string; parentId?: string; path?: string; index?: boolean };

type Compiled = { pattern: string; regex: RegExp; rank: number };

function compile(pattern: string): Compiled {
  const segments = pattern.split("/").filter(Boolean);
  const source = segments
    .map((s) =>
      s === "*" ? "(?:/.*)?" : s.startsWith(":") ? "/[^/]+" : `/${s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`,
    )
    .join("");
  // Static segments beat dynamic ones, and a splat comes last: the order Remix matches in.
  const rank = segments.reduce((n, s) => n + (s === "*" ? -100 : s.startsWith(":") ? 2 : 3), 0);
  return { pattern: "/" + segments.join("/"), regex: new RegExp(`^${source}/?$`), rank };
}

/** A matcher over a Remix build's route manifest. */
export function routeMatcher(routes: Record<string, RouteEntry | undefined>): (pathname: string) => string | null {
  const fullPath = (route: RouteEntry): string => {
    const parts: string[] = [];
    for (let r: RouteEntry | undefined = route; r; r = r.parentId ? routes[r.parentId] : undefined)
      if (r.path) parts.unshift(r.path);
    return parts.join("/");
  };
  const compiled = Object.values(routes)
    .filter((r): r is RouteEntry => !!r && (r.path !== undefined || !!r.index) && r.id !== "root")
    .map((r) => compile(fullPath(r)))
    .sort((a, b) => b.rank - a.rank);
  return (pathname) => {
    // Single-fetch data requests: /meetings/7.data, and /_root.data for the index.
    const path = pathname.endsWith(".data") ? pathname.slice(0, -5).replace(/^\/_root$/, "/") : pathname;
    return compiled.find((c) => c.regex.test(path))?.pattern ?? null;
  };
}
