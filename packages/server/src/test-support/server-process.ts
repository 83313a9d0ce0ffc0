import { execFileSync, spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import type { ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));
const cliPath = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));

/**
 * Builds packages/server to dist/ so tests can start `dist/cli.js` as a real process. Type
 * errors elsewhere in the build are printed but do not stop the test: tsc still emits.
 */
export function buildServerDist(): void {
  if (existsSync(cliPath) && newestSourceMs() <= statSync(buildInfoPath).mtimeMs) return;
  try {
    execFileSync("npx", ["tsc", "-b", "packages/server"], { cwd: repoRoot, stdio: "pipe" });
  } catch (error) {
    const output = (error as { stdout?: Buffer }).stdout?.toString() ?? String(error);
    process.stderr.write(
      `tsc -b packages/server reported errors; using what it emitted:\n${output}`,
    );
  }
  if (!existsSync(cliPath))
    throw new Error(`${cliPath} is missing: run npx tsc -b packages/server`);
}

const buildInfoPath = fileURLToPath(new URL("../../tsconfig.tsbuildinfo", import.meta.url));

/** The newest modification time of the TypeScript sources dist/cli.js is built from. */
function newestSourceMs(): number {
  let newest = 0;
  for (const pkg of ["server", "core", "woo"]) {
    const dir = `${repoRoot}packages/${pkg}/src`;
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith(".ts") || entry.name.endsWith(".test.ts")) {
        continue;
      }
      newest = Math.max(newest, statSync(`${entry.parentPath}/${entry.name}`).mtimeMs);
    }
  }
  return newest;
}

export interface ServerProcess {
  baseUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts `node packages/server/dist/cli.js serve` on a free port of 127.0.0.1 with the given
 * environment and resolves with its base URL once it listens.
 */
export function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, [cliPath, "serve"], {
    env: { ...process.env, HOST: "127.0.0.1", PORT: "0", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1] !== undefined) resolve({ baseUrl: match[1], stop: () => stopChild(child) });
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) =>
      reject(new Error(`server process exited with ${code} before listening:\n${output}`)),
    );
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}
