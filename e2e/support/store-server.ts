import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const repositoryRoot = fileURLToPath(new URL("../..", import.meta.url));
const cliPath = join(repositoryRoot, "packages/server/dist/cli.js");

export const demoPassword = "e2e-demo-password";

/**
 * A demo store server in its own process, with its own data folder and port. `stop()` and
 * `start()` keep both, so a test can take the store away and bring the same one back.
 */
export class StoreServer {
  readonly dataDir = mkdtempSync(join(tmpdir(), "pos-e2e-"));
  private process: ChildProcess | null = null;
  private output = "";

  private constructor(readonly port: number) {}

  static async launch(): Promise<StoreServer> {
    const server = new StoreServer(await findFreePort());
    await server.start();
    return server;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    if (this.process) return;
    const child = spawn(process.execPath, [cliPath, "demo"], {
      cwd: repositoryRoot,
      env: {
        ...process.env,
        HOST: "127.0.0.1",
        PORT: String(this.port),
        DATA_DIR: this.dataDir,
        POS_DEMO_PASSWORD: demoPassword,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout?.on("data", (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (this.output += chunk.toString()));
    this.process = child;
    await this.waitUntilReady(child);
  }

  async stop(): Promise<void> {
    const child = this.process;
    if (!child) return;
    this.process = null;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill("SIGTERM");
    await exited;
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  /** Sends a request to the store's REST API as the demo manager. */
  async api(path: string): Promise<unknown> {
    const token = await this.login("manager");
    const response = await fetch(`${this.url}/wp-json${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (!response.ok) throw new Error(`GET ${path} failed with ${response.status}`);
    return response.json();
  }

  /** Sends a JSON body to a REST route as the demo manager and returns the parsed response. */
  async post(path: string, body: unknown): Promise<unknown> {
    const token = await this.login("manager");
    const response = await fetch(`${this.url}/wp-json${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`POST ${path} failed with ${response.status}`);
    return response.json();
  }

  private async login(username: string): Promise<string> {
    const response = await fetch(`${this.url}/wp-json/pos/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username, password: demoPassword }),
    });
    if (!response.ok) throw new Error(`login as ${username} failed with ${response.status}`);
    const body = (await response.json()) as { access_token: string };
    return body.access_token;
  }

  private async waitUntilReady(child: ChildProcess): Promise<void> {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) {
        throw new Error(`store server exited with ${child.exitCode}:\n${this.output}`);
      }
      if (await this.answersPing()) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`store server did not answer on ${this.url} within 60 s:\n${this.output}`);
  }

  private async answersPing(): Promise<boolean> {
    try {
      const response = await fetch(`${this.url}/wp-json/pos/v1/ping`);
      return response.ok;
    } catch {
      return false;
    }
  }
}

async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
