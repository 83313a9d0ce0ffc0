// Bundles the index micro-benchmark for Node with rolldown. The baseline is the till's search
// index as of commit 45e0f5c, copied out of git so both indexes run in one process.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "rolldown";

const here = (file) => fileURLToPath(new URL(file, import.meta.url));
const baselineCommit = "45e0f5c";
const baselineDir = here("../../dist/baseline-search/");
mkdirSync(baselineDir, { recursive: true });
for (const file of ["catalog-index.ts", "catalog-query.ts", "code-keys.ts"]) {
  const source = execFileSync("git", ["show", `${baselineCommit}:apps/pos/src/search/${file}`], {
    cwd: here("../../.."),
  });
  writeFileSync(`${baselineDir}${file}`, source);
}

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
