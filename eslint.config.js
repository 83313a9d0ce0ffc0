// Type-aware lint for every workspace. The import rules keep DESIGN's dependency direction:
// core <- woo <- sync <- apps/pos, and core <- server (which may also use woo's schemas).
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

const restrict = (...packages) => ({
  "no-restricted-imports": [
    "error",
    {
      patterns: packages.map((name) => ({
        group: [name, `${name}/*`],
        message: `this layer must not depend on ${name}`,
      })),
    },
  ],
});

export default tseslint.config(
  {
    ignores: [
      "**/dist/**",
      "**/node_modules/**",
      "**/dev-dist/**",
      "data/**",
      "**/test-results/**",
      "**/playwright-report/**",
      ".tmp/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ["vitest.config.ts"] },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node, ...globals.browser },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  { files: ["packages/core/src/**"], ignores: ["**/*.test.ts"], rules: restrict("@pos/woo", "@pos/sync", "@pos/server", "@pos/till") },
  { files: ["packages/woo/src/**"], ignores: ["**/*.test.ts"], rules: restrict("@pos/sync", "@pos/server", "@pos/till") },
  { files: ["packages/sync/src/**"], ignores: ["**/*.test.ts"], rules: restrict("@pos/server", "@pos/till") },
  { files: ["packages/server/src/**"], ignores: ["**/*.test.ts"], rules: restrict("@pos/sync", "@pos/till") },
  {
    files: ["apps/pos/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: { ...reactHooks.configs.recommended.rules, ...restrict("@pos/server") },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
