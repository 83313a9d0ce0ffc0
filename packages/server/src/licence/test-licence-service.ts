// A real licence service for tests: its own data folder, a signing key, and an HTTP listener on
// 127.0.0.1 at a free port.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildLicenceService, runLicenceCli } from "@pos/licence/service";

export interface TestLicenceService {
  url: string;
  /** The service's public keys, as the store server trusts them. */
  publicKeys: Record<string, string>;
  /** Issues a licence key through the service's CLI and returns the key text. */
  issue(args: string[]): Promise<string>;
  close(): Promise<void>;
}

export async function startTestLicenceService(now: () => Date): Promise<TestLicenceService> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "pos-licence-service-"));
  const cli = async (args: string[]) => {
    const lines: string[] = [];
    const output = {
      out: (line: string) => lines.push(line),
      err: (line: string) => lines.push(line),
    };
    const exitCode = await runLicenceCli([...args, "--data", dataDir], { output, now });
    if (exitCode !== 0) throw new Error(`licence CLI ${args[0]} failed: ${lines.join("\n")}`);
    return lines.join("\n");
  };
  await cli(["keygen"]);
  const publicKeys = JSON.parse(await cli(["public-keys"])) as Record<string, string>;
  const service = await buildLicenceService({ dataDir, now });
  const url = await service.listen({ host: "127.0.0.1", port: 0 });
  return {
    url,
    publicKeys,
    issue: async (args) => {
      const key = /POSL(-[0-9A-Z]{5}){4}/.exec(await cli(["issue", ...args]))?.[0];
      if (key === undefined) throw new Error("licence CLI issue printed no licence key");
      return key;
    },
    close: async () => {
      await service.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
