import { fileURLToPath } from "node:url";

// One place for the import aliases, shared by the app build and both test configs.
export const aliases = {
  "~": fileURLToPath(new URL("./app", import.meta.url)),
  "#db": fileURLToPath(new URL("./db", import.meta.url)),
  "#templates": fileURLToPath(new URL("./templates", import.meta.url)),
};
