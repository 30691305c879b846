import fs from "node:fs";
import path from "node:path";
import { at } from "~/lib/at";

// What the attack tests read from app/routes itself, so a new route or form is covered without
// touching the tests: the files, their URL parameters, the source where fields and intents are written.

export const routesDir = path.resolve("app/routes");

/** Every route module, by file name (e.g. "cases.$caseId.tsx"), sorted. */
export const routeFiles = () =>
  fs
    .readdirSync(routesDir)
    .filter((f) => /\.tsx?$/.test(f))
    .sort();

/** "cases.$caseId_.edit.tsx" → "cases.$caseId_.edit": the key the permission table uses. */
export const routeId = (file: string) => file.replace(/\.tsx?$/, "");

export const paramsOf = (file: string) => [...file.matchAll(/\$([A-Za-z0-9]+)/g)].map((m) => at(m, 1));

/**
 * The source of a route and of the components and schemas it imports, and theirs in turn (a
 * component's own pieces, a schema fetched when its form is first used): where its field names and
 * intents are written.
 */
export function sourcesOf(file: string): string {
  const read = new Map<string, string>();
  const visit = (p: string) => {
    if (read.has(p)) return;
    const text = fs.readFileSync(p, "utf8");
    read.set(p, text);
    const imports = [
      ...[...text.matchAll(/(?:from |import\()"~\/(components|schemas)\/([\w-]+)"/g)].map(([, dir, name]) =>
        path.resolve("app", dir!, name!),
      ),
      // A component's or a schema's pieces beside it.
      ...(p.startsWith(routesDir)
        ? []
        : [...text.matchAll(/from "\.\/([\w-]+)"/g)].map(([, name]) => path.resolve(path.dirname(p), name!))),
    ];
    for (const base of imports) {
      const found = [".tsx", ".ts"].map((ext) => base + ext).find((c) => fs.existsSync(c));
      if (found) visit(found);
    }
  };
  visit(path.join(routesDir, file));
  return [...read.values()].join("\n");
}

export const intentsOf = (source: string) =>
  new Set([
    ...[...source.matchAll(/intent(?:\s*===\s*|: z\.literal\()"([a-z-]+)"/g)].map((m) => at(m, 1)),
    ...[...source.matchAll(/name="intent" value="([a-z-]+)"/g)].map((m) => at(m, 1)),
    ...[...source.matchAll(/^\s+"([a-z]+(?:-[a-z]+)+)": \w+Schema/gm)].map((m) => at(m, 1)),
    ...[...source.matchAll(/intent: (?:z\.enum\(|choice\("[^"]*",\s*)\[([^\]]+)\]/g)].flatMap((m) =>
      [...at(m, 1).matchAll(/"([a-z-]+)"/g)].map((x) => at(x, 1)),
    ),
  ]);

/** Imports a route module from an import.meta.glob of app/routes, failing when the file is not there. */
export function loadRoute<M>(modules: Record<string, () => Promise<M>>, file: string): Promise<M> {
  const load = modules[`/app/routes/${file}`];
  if (!load) throw new Error(`No route module app/routes/${file}`);
  return load();
}

/** The URL of a route file with its parameters filled in. */
export const pathOf = (file: string, params: Record<string, string>) =>
  "/" +
  file
    .replace(/\.tsx?$/, "")
    .replace(/\[\.\]/g, "~dot~")
    .split(".")
    .filter((s) => s !== "_index")
    .map((s) => s.replace(/_$/, ""))
    .map((s) => (s.startsWith("$") ? encodeURIComponent(params[s.slice(1)] ?? "x") : s))
    .join("/")
    .replace(/~dot~/g, ".");
