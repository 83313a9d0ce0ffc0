// Bundles the store server benchmark with rolldown: @pos/* packages come from their TypeScript
// sources, npm dependencies stay external.
import { build } from "rolldown";
import { fileURLToPath } from "node:url";

const here = (file) => fileURLToPath(new URL(file, import.meta.url));

await build({
  input: here("./run-server-bench.ts"),
  platform: "node",
  resolve: {
    conditionNames: ["source", "node", "import", "default"],
    extensionAlias: { ".js": [".ts", ".js"] },
  },
  external: (id) => !id.startsWith(".") && !id.startsWith("/") && !id.startsWith("@pos/"),
  output: { file: here("../dist/run-server-bench.mjs"), format: "esm" },
  logLevel: "warn",
});
