// Bundles the sync benchmark with rolldown (installed with Vite): the Node runner, which keeps
// its npm dependencies external, and the page script that runs in Chromium.
import { build } from "rolldown";
import { fileURLToPath } from "node:url";

const here = (file) => fileURLToPath(new URL(file, import.meta.url));
const resolve = {
  conditionNames: ["source", "import", "default"],
  extensionAlias: { ".js": [".ts", ".js"] },
};

await build({
  input: here("./run-sync-bench.ts"),
  platform: "node",
  resolve: { ...resolve, conditionNames: ["source", "node", "import", "default"] },
  external: (id) => !id.startsWith(".") && !id.startsWith("/") && !id.startsWith("@pos/"),
  output: { file: here("../dist/run-sync-bench.mjs"), format: "esm" },
  logLevel: "warn",
});

await build({
  input: here("./page/bench-page.ts"),
  platform: "browser",
  resolve: { ...resolve, conditionNames: ["source", "browser", "import", "default"] },
  output: { file: here("../dist/bench-page.js"), format: "iife" },
  logLevel: "warn",
});
