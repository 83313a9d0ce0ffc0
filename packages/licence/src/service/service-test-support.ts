// Helpers for the licence service tests: a temporary data folder with a signing key and a CLI
// whose output is captured.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { runLicenceCli } from "./run-licence-cli.js";

export interface CliRun {
  readonly exitCode: number;
  readonly out: string;
  readonly err: string;
}

export interface TestDataDir {
  readonly dataDir: string;
  cli(args: string[]): Promise<CliRun>;
  /** Issues a key through the CLI and returns the printed key text and licence id. */
  issue(args: string[]): Promise<{ licenceKey: string; licenceId: string }>;
  remove(): Promise<void>;
}

export async function makeTestDataDir(now: () => Date): Promise<TestDataDir> {
  const dataDir = await mkdtemp(join(tmpdir(), "licence-service-"));
  const cli = async (args: string[]): Promise<CliRun> => {
    const out: string[] = [];
    const err: string[] = [];
    const output = { out: (line: string) => out.push(line), err: (line: string) => err.push(line) };
    const exitCode = await runLicenceCli([...args, "--data", dataDir], { output, now });
    return { exitCode, out: out.join("\n"), err: err.join("\n") };
  };
  const issue = async (args: string[]) => {
    const run = await cli(["issue", ...args]);
    if (run.exitCode !== 0) throw new Error(`issue failed: ${run.err}`);
    const licenceKey = /POSL(-[0-9A-Z]{5}){4}/.exec(run.out)?.[0];
    const licenceId = /licence (L-[0-9A-Z]{8})/.exec(run.out)?.[1];
    if (licenceKey === undefined || licenceId === undefined)
      throw new Error(`no key in ${run.out}`);
    return { licenceKey, licenceId };
  };
  const remove = () => rm(dataDir, { recursive: true, force: true });
  return { dataDir, cli, issue, remove };
}
