import { chmod, readdir, stat } from "node:fs/promises";
import { join } from "node:path";

import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { SIGNING_KEYS_FOLDER, loadSigningKeys } from "./signing-keys.js";
import { makeTestDataDir, type TestDataDir } from "./service-test-support.js";

let nowMs = Date.parse("2026-12-04T16:00:00Z");
const now = () => new Date(nowMs);
let data: TestDataDir;

beforeEach(async () => {
  nowMs = Date.parse("2026-12-04T16:00:00Z");
  data = await makeTestDataDir(now);
});

afterEach(async () => {
  await data.remove();
});

describe("licence CLI keygen", () => {
  it("writes the key readable by its owner only", async () => {
    const run = await data.cli(["keygen"]);

    expect(run.exitCode).toBe(0);
    expect(run.out).toMatch(/created signing key k-20261204-[\w-]{4} in .*\(mode 0600\)/);
    const folder = join(data.dataDir, SIGNING_KEYS_FOLDER);
    expect((await stat(folder)).mode & 0o777).toBe(0o700);
    const [file] = await readdir(folder);
    expect((await stat(join(folder, file!))).mode & 0o777).toBe(0o600);
  });

  it("loads several keys newest first", async () => {
    await data.cli(["keygen"]);
    nowMs += 86_400_000;
    const second = await data.cli(["keygen"]);

    expect(second.out).toMatch(/created signing key k-20261205-/);
    const keys = await loadSigningKeys(data.dataDir);
    expect(keys.map((key) => key.createdAt)).toEqual([
      "2026-12-05T16:00:00.000Z",
      "2026-12-04T16:00:00.000Z",
    ]);
  });

  it("rejects a key file other users can read", async () => {
    await data.cli(["keygen"]);
    const folder = join(data.dataDir, SIGNING_KEYS_FOLDER);
    const [file] = await readdir(folder);
    await chmod(join(folder, file!), 0o644);

    await expect(loadSigningKeys(data.dataDir)).rejects.toThrow(/has mode 0644.*run chmod 600/);
  });

  it("prints the public keys as JSON", async () => {
    await data.cli(["keygen"]);
    const run = await data.cli(["public-keys"]);

    const keys = JSON.parse(run.out) as Record<string, string>;
    expect(Object.values(keys)).toHaveLength(1);
    expect(Object.values(keys)[0]).toMatch(/^[\w-]{43}$/);
  });
});

describe("licence CLI issue", () => {
  it("prints the key once with the terms", async () => {
    const run = await data.cli([
      "issue",
      "--store",
      "https://Shop.Example/",
      "--registers",
      "3",
      "--days",
      "365",
    ]);

    expect(run.exitCode).toBe(0);
    expect(run.out).toMatch(
      /^issued licence L-[0-9A-Z]{8} for https:\/\/shop\.example: 3 registers, pro edition, expires 2027-12-04T16:00:00Z, 14 grace days$/m,
    );
    expect(run.out.match(/POSL(-[0-9A-Z]{5}){4}/g)).toHaveLength(1);
  });

  it("lists keys without their text", async () => {
    const { licenceKey, licenceId } = await data.issue(["--registers", "2", "--days", "30"]);
    const run = await data.cli(["list"]);

    expect(run.out).toContain(
      `${licenceId}  (not activated)  2 registers  pro  expires 2027-01-03T16:00:00Z`,
    );
    expect(run.out).not.toContain(licenceKey);
  });

  it.each([
    [["issue", "--days", "30"], "option --registers is required"],
    [
      ["issue", "--registers", "0", "--days", "30"],
      'option --registers must be a whole number from 1 to 10000, got "0"',
    ],
    [["issue", "--registers", "2.5", "--days", "30"], 'got "2.5"'],
    [
      ["issue", "--registers", "2", "--days", "x"],
      'option --days must be a whole number from 1 to 3650, got "x"',
    ],
    [
      ["issue", "--registers", "2", "--days", "3", "--store", "ftp://x"],
      "option --store: store address",
    ],
    [["issue", "--registers", "2", "--days", "3", "--edition", "Pro!"], "option --edition"],
    [["issue", "--colour", "red"], "Unknown option '--colour'"],
    [["frobnicate"], 'unknown command "frobnicate"'],
    [[], "missing command"],
  ])("rejects %j with a usage message", async (args, message) => {
    const run = await data.cli(args);

    expect(run.exitCode).toBe(2);
    expect(run.err).toContain(message);
    expect(run.err).toContain("usage: cli.js COMMAND");
  });

  it("renews a licence from its expiry", async () => {
    const { licenceId } = await data.issue(["--registers", "2", "--days", "30"]);
    const run = await data.cli(["renew", "--licence", licenceId, "--days", "365"]);

    expect(run.exitCode).toBe(0);
    expect(run.out).toContain(`licence ${licenceId} now expires 2028-01-03T16:00:00Z`);
  });

  it("reports an unknown licence id on renew", async () => {
    await data.issue(["--registers", "2", "--days", "30"]);
    const run = await data.cli(["renew", "--licence", "L-NOPE", "--days", "1"]);

    expect(run.exitCode).toBe(1);
    expect(run.err).toContain("licence L-NOPE not found");
  });
});
