// Bundles the outbox benchmark with rolldown: the Node runner, which keeps its npm dependencies
// external, and the page script that queues and drains the sales in Chromium.
import { build } from "rolldown";
import { fileURLToPath } from "node:url";

const here = (file) => fileURLToPath(new URL(file, import.meta.url));
const extensionAlias = { ".js": [".ts", ".js"] };

await build({
  input: here("./run-outbox-bench.ts"),
  platform: "node",
  resolve: { conditionNames: ["source", "node", "import", "default"], extensionAlias },
  external: (id) => !id.startsWith(".") && !id.startsWith("/") && !id.startsWith("@pos/"),
  output: { file: here("../dist/run-outbox-bench.mjs"), format: "esm" },
  logLevel: "warn",
});

await build({
  input: here("./page/outbox-page.ts"),
  platform: "browser",
  resolve: { conditionNames: ["source", "browser", "import", "default"], extensionAlias },
  output: { file: here("../dist/outbox-page.js"), format: "iife" },
  logLevel: "warn",
});
