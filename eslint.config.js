// ESLint, composed from the parts the Epic Stack's config uses (typescript-eslint, react-hooks) plus
// jsx-a11y; formatting is Prettier's job, so no stylistic rule lives here.
import js from "@eslint/js";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["build/", "data/", "public/", "db/migrations/", "coverage/", "**/*.d.ts.map"] },
  js.configs.recommended,
  tseslint.configs.recommended,
  reactHooks.configs.flat.recommended,
  { files: ["**/*.tsx"], ...jsxA11y.flatConfigs.recommended },
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      // Type-only imports stay type-only, so a server module's types never pull it into the browser bundle.
      // An inline import("x").T type is erased like `import type`, and is how a .d.ts augmentation names one.
      "@typescript-eslint/consistent-type-imports": [
        "error",
        { fixStyle: "inline-type-imports", disallowTypeAnnotations: false },
      ],
      // Our classes of letters are code-point ranges written as \u escapes (Latin accents, Devanagari with its
      // vowel signs), chosen over \p{…} for speed (see app/lib/fir-citation.ts); the rule takes a range whose
      // ends are combining marks for a misleading combined character.
      "no-misleading-character-class": "off",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
);
