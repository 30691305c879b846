import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * The floors of the code, bottom first. A file may import from its own floor and the floors below,
 * never from one above; only app/models (and the seed and migrations) may run a query.
 * The README's layout section shows the same list (checked below).
 */
export const layers = [
  { floor: 0, name: "db", paths: ["db/", "app/db.server.ts", "app/config.server.ts"] },
  { floor: 1, name: "lib", paths: ["app/lib/"] },
  { floor: 1, name: "schemas", paths: ["app/schemas/"] },
  { floor: 1, name: "templates", paths: ["templates/"] },
  { floor: 2, name: "models", paths: ["app/models/"] },
  { floor: 3, name: "services", paths: ["app/services/"] },
  {
    floor: 4,
    name: "routes",
    paths: ["app/routes/", "app/root.tsx", "app/entry.client.tsx", "app/entry.server.tsx", "app/types.d.ts"],
  },
  { floor: 4, name: "components", paths: ["app/components/"] },
  { floor: 4, name: "scripts", paths: ["scripts/", "server.ts"] },
] as const;

/**
 * Where a query may be written: the models; the seed and migrations, which build a database; and the
 * bench, which bulk-loads 100,000 rows with prepared statements to time the app's queries against them.
 */
const queryHomes = [
  "app/models/",
  "db/migrate.ts",
  "scripts/seed",
  "scripts/migrate.ts",
  "scripts/bench.ts",
  "scripts/bench/",
];

/**
 * Today's offences, each to be removed in the commit that fixes it (see /work/wt/PROTOCOL.md).
 * New code never adds an entry. "file -> target" is an import up the floors; "file queries" counts the
 * query calls in a file outside the models.
 */
const allowed: Record<string, number> = {};

/** The longest a source file may grow: past it, split the file along a seam a reader would expect. */
const maxLines = 300;

/**
 * Files over maxLines today, each being split by a helper (see /work/wt/PROTOCOL.md) and removed here in
 * the commit that brings it under. New files never join this list.
 */
const allowedLong: string[] = [];

const root = fileURLToPath(new URL("../..", import.meta.url));
const scanned = ["app", "db", "templates", "scripts", "server.ts"];
const aliases: Record<string, string> = { "~/": "app/", "#db/": "db/", "#templates/": "templates/" };
const queryMethods = new Set([
  "select",
  "selectDistinct",
  "insert",
  "update",
  "delete",
  "all",
  "get",
  "run",
  "values",
  "query",
  "$count",
]);
const connections = new Set(["db", "tx"]);

function sourceFiles(rel: string): string[] {
  const abs = path.join(root, rel);
  if (fs.statSync(abs).isFile()) return [rel];
  return fs.readdirSync(abs, { withFileTypes: true }).flatMap((entry) => {
    const child = path.posix.join(rel, entry.name);
    if (entry.isDirectory()) return entry.name === "migrations" ? [] : sourceFiles(child);
    return /\.tsx?$/.test(entry.name) ? [child] : [];
  });
}

function layerOf(file: string) {
  let best: (typeof layers)[number] | undefined;
  let bestLength = -1;
  for (const layer of layers) {
    for (const p of layer.paths) {
      const matches = p.endsWith("/") ? file.startsWith(p) : file === p;
      if (matches && p.length > bestLength) [best, bestLength] = [layer, p.length];
    }
  }
  return best;
}

/** The repository-relative file an import names, or undefined for a package or a non-code file. */
function resolveImport(from: string, specifier: string): string | undefined {
  const bare = specifier.replace(/\?.*$/, "");
  const alias = Object.keys(aliases).find((a) => bare.startsWith(a));
  let target: string;
  if (alias) target = aliases[alias] + bare.slice(alias.length);
  else if (bare.startsWith(".")) target = path.posix.normalize(path.posix.join(path.posix.dirname(from), bare));
  else return undefined;
  const candidates = [target, `${target}.ts`, `${target}.tsx`, `${target}/index.ts`, `${target}/index.tsx`];
  return candidates.find((c) => /\.tsx?$/.test(c) && fs.existsSync(path.join(root, c)));
}

/** A query call: db.select(…), tx.update(…), getDb().insert(…), db.$client.prepare(…) and the like. */
function isQueryCall(call: ts.CallExpression): boolean {
  if (!ts.isPropertyAccessExpression(call.expression)) return false;
  const method = call.expression.name.text;
  let receiver: ts.Expression = call.expression.expression;
  while (ts.isParenthesizedExpression(receiver) || ts.isNonNullExpression(receiver)) receiver = receiver.expression;
  if (ts.isPropertyAccessExpression(receiver) && receiver.name.text === "$client") {
    return method === "prepare" || method === "exec";
  }
  const isConnection =
    (ts.isIdentifier(receiver) && connections.has(receiver.text)) ||
    (ts.isCallExpression(receiver) && ts.isIdentifier(receiver.expression) && receiver.expression.text === "getDb");
  return isConnection && queryMethods.has(method);
}

function scan(file: string) {
  const text = fs.readFileSync(path.join(root, file), "utf8");
  const source = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    false,
    file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const imports: string[] = [];
  let queries = 0;
  const visit = (node: ts.Node) => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      imports.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node)) {
      const [first] = node.arguments;
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword && first && ts.isStringLiteral(first))
        imports.push(first.text);
      if (isQueryCall(node)) queries++;
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      imports.push(node.argument.literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { imports, queries };
}

/** The number of lines in a file, as `wc -l` counts them for a file that ends in a newline. */
function lineCount(file: string): number {
  const text = fs.readFileSync(path.join(root, file), "utf8");
  return text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
}

function offences() {
  const found: Record<string, number> = {};
  const unplaced: string[] = [];
  for (const file of scanned.flatMap(sourceFiles)) {
    const layer = layerOf(file);
    if (!layer) {
      unplaced.push(file);
      continue;
    }
    const { imports, queries } = scan(file);
    for (const specifier of imports) {
      const target = resolveImport(file, specifier);
      const targetLayer = target && layerOf(target);
      if (target && targetLayer && targetLayer.floor > layer.floor) {
        const key = `${file} -> ${target}`;
        found[key] = (found[key] ?? 0) + 1;
      }
    }
    if (queries > 0 && !queryHomes.some((home) => file.startsWith(home))) found[`${file} queries`] = queries;
  }
  return { found, unplaced };
}

describe("layering", () => {
  const { found, unplaced } = offences();

  it("places every source file on a floor", () => {
    expect(unplaced).toEqual([]);
  });

  it("has no import up the floors and no query outside app/models beyond the allow-list", () => {
    const worse = Object.entries(found)
      .filter(([key, n]) => n > (allowed[key] ?? 0))
      .map(([key, n]) => `${key}${key.endsWith(" queries") ? ` (${n})` : ""}`);
    const remaining = Object.keys(allowed).filter((key) => key in found);
    if (remaining.length > 0)
      console.info(`layering: ${remaining.length} allowed offences remain:\n  ${remaining.join("\n  ")}`);
    expect(worse, "new offences: move the query into app/models, or import downwards").toEqual([]);
  });

  it("keeps no allow-list entry for an offence that is gone", () => {
    const gone = Object.entries(allowed)
      .filter(([key, n]) => (found[key] ?? 0) < n)
      .map(([key, n]) => `${key}: allowed ${n}, found ${found[key] ?? 0}`);
    expect(gone, "lower or remove these entries in tests/unit/layering.test.ts").toEqual([]);
  });

  it("is the list of floors the README's layout section shows", () => {
    const floors = [...new Set(layers.map((l) => l.floor))].map((floor) =>
      layers
        .filter((l) => l.floor === floor)
        .map((l) => l.name)
        .join(", "),
    );
    const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
    const line = `Floors, bottom first: ${floors.join(" < ")}.`;
    expect(readme.includes(line), `README.md's layout section should say: ${line}`).toBe(true);
  });
});

describe("file length", () => {
  const long = Object.fromEntries(
    scanned
      .flatMap(sourceFiles)
      .map((file) => [file, lineCount(file)] as const)
      .filter(([, lines]) => lines > maxLines),
  );

  it(`keeps every source file at ${maxLines} lines or fewer, beyond the allow-list`, () => {
    const over = Object.entries(long)
      .filter(([file]) => !allowedLong.includes(file))
      .map(([file, lines]) => `${file} (${lines} lines)`);
    expect(over, `split these files along a seam a reader would expect`).toEqual([]);
  });

  it("keeps no allow-list entry for a file that is short enough now (or gone)", () => {
    const stale = allowedLong.filter((file) => !(file in long));
    expect(stale, "remove these entries from allowedLong in tests/unit/layering.test.ts").toEqual([]);
  });
});
