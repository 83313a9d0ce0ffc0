// Bundles the index micro-benchmark for Node with rolldown.
import { fileURLToPath } from "node:url";
import { build } from "rolldown";

const here = (file) => fileURLToPath(new URL(file, import.meta.url));
await build({
  input: here("./run-index-bench.ts"),
  platform: "node",
  resolve: {
    conditionNames: ["source", "node", "import", "default"],
    extensionAlias: { ".js": [".ts", ".js"] },
  },
  external: (id) => !id.startsWith(".") && !id.startsWith("/") && !id.startsWith("@pos/"),
  output: { file: here("../../dist/run-index-bench.mjs"), format: "esm" },
  logLevel: "warn",
});
