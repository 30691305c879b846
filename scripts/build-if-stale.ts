import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const sources = [
  "app",
  "db/schema",
  "templates",
  "public",
  "vite.config.ts",
  "vite.aliases.ts",
  "package.json",
  "package-lock.json",
];

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(p).reduce((max, name) => Math.max(max, newestMtime(path.join(p, name))), stat.mtimeMs);
}

/** Builds the app when there is no build, or when any source is newer than it. */
export function buildIfStale(): "fresh" | "built" {
  const output = path.join(root, "build/server/index.js");
  const built = fs.existsSync(output) ? fs.statSync(output).mtimeMs : 0;
  const newest = Math.max(...sources.map((s) => newestMtime(path.join(root, s))));
  if (built > newest) return "fresh";
  console.log("Building TESTA Desk (sources changed since the last build)…");
  const result = spawnSync("npx", ["remix", "vite:build"], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) throw new Error("The build failed; see the output above.");
  return "built";
}

if (import.meta.url === pathToFileUrlString(process.argv[1])) {
  try {
    console.log(buildIfStale() === "fresh" ? "Build is up to date." : "Build finished.");
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}

function pathToFileUrlString(p: string | undefined) {
  return p ? new URL(`file://${path.resolve(p)}`).href : "";
}
