import { randomBytes as nodeRandomBytes } from "node:crypto";
import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";

import { normaliseStoreOrigin } from "../store-origin.js";
import { openLicenceDatabase } from "./licence-database.js";
import type { RandomBytes } from "./licence-key-text.js";
import { issueLicenceKey, listLicenceKeys, renewLicenceKey } from "./licence-keys.js";
import { LICENCE_DATABASE_FILE, buildLicenceService } from "./licence-service.js";
import { createSigningKey, loadSigningKeys } from "./signing-keys.js";

/** Output streams of the CLI, injected so that tests can read what it printed. */
export interface CliOutput {
  out(line: string): void;
  err(line: string): void;
}

export interface CliEnvironment {
  readonly output: CliOutput;
  readonly now?: () => Date;
  readonly randomBytes?: RandomBytes;
}

const DEFAULT_DATA_DIR = "data/licence-service";

const USAGE = `usage: cli.js COMMAND [options]

commands:
  keygen                 create a new Ed25519 signing key; the newest key signs
  issue                  create a licence key and print it once
    --store URL            pin the key to this store address (default: the first activation)
    --registers N          registers allowed at once (1 to 10000, required)
    --days N               days until the licence expires (1 to 3650, required)
    --grace-days N         days it keeps working after expiry (0 to 365, default 14)
    --edition NAME         edition name (default pro)
  renew --licence ID --days N   extend a licence by N days
  list                   list every licence key (never the key text)
  public-keys            print the public keys as JSON for embedding in the software
  serve                  run the HTTP service
    --host HOST            address to listen on (default 127.0.0.1)
    --port N               port to listen on (default 8787)

every command takes --data DIR: the service's data folder (default ${DEFAULT_DATA_DIR})`;

class UsageError extends Error {}

/** Runs one CLI command and returns the process exit code: 0 done, 1 failed, 2 bad usage. */
export async function runLicenceCli(args: readonly string[], env: CliEnvironment): Promise<number> {
  try {
    return await runCommand(args, env);
  } catch (error) {
    if (error instanceof UsageError) {
      env.output.err(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    env.output.err(error instanceof Error ? error.message : String(error));
    return 1;
  }
}

async function runCommand(args: readonly string[], env: CliEnvironment): Promise<number> {
  const { values, positionals } = parseCliArgs(args);
  const dataDir = resolve(values.data ?? DEFAULT_DATA_DIR);
  const now = env.now ?? (() => new Date());
  const randomBytes =
    env.randomBytes ?? ((length: number) => new Uint8Array(nodeRandomBytes(length)));
  const command = positionals[0];

  switch (command) {
    case "keygen":
      return keygen(dataDir, env.output, now, randomBytes);
    case "issue":
      return issue(dataDir, values, env.output, now, randomBytes);
    case "renew":
      return renew(dataDir, values, env.output, now);
    case "list":
      return list(dataDir, env.output);
    case "public-keys":
      return printPublicKeys(dataDir, env.output);
    case "serve":
      return serve(dataDir, values);
    default:
      throw new UsageError(
        command === undefined ? "missing command" : `unknown command "${command}"`,
      );
  }
}

type CliValues = ReturnType<typeof parseCliArgs>["values"];

function parseCliArgs(args: readonly string[]) {
  try {
    return parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        data: { type: "string" },
        store: { type: "string" },
        registers: { type: "string" },
        days: { type: "string" },
        "grace-days": { type: "string" },
        edition: { type: "string" },
        licence: { type: "string" },
        host: { type: "string" },
        port: { type: "string" },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

async function keygen(
  dataDir: string,
  output: CliOutput,
  now: () => Date,
  randomBytes: RandomBytes,
) {
  await mkdir(dataDir, { recursive: true });
  const { key, file } = await createSigningKey(dataDir, { now: now(), randomBytes });
  output.out(`created signing key ${key.keyId} in ${file} (mode 0600); it signs from now on`);
  output.out(`public key ${key.keyId}: ${key.publicKey}`);
  return 0;
}

async function issue(
  dataDir: string,
  values: CliValues,
  output: CliOutput,
  now: () => Date,
  randomBytes: RandomBytes,
) {
  const registers = integerOption(values.registers, "--registers", 1, 10_000);
  const days = integerOption(values.days, "--days", 1, 3650);
  const graceDays = integerOption(values["grace-days"] ?? "14", "--grace-days", 0, 365);
  const edition = values.edition ?? "pro";
  if (!/^[a-z][a-z0-9-]{0,31}$/.test(edition)) {
    throw new UsageError(
      `option --edition must be a lower-case name such as pro, got "${edition}"`,
    );
  }
  const storeOrigin = values.store === undefined ? undefined : originOption(values.store);

  await mkdir(dataDir, { recursive: true });
  const db = await openLicenceDatabase(join(dataDir, LICENCE_DATABASE_FILE));
  try {
    const input = { registers, days, graceDays, edition, now: now(), randomBytes };
    const issued = await issueLicenceKey(
      db,
      storeOrigin === undefined ? input : { ...input, storeOrigin },
    );
    const record = issued.record;
    output.out(
      `issued licence ${record.licence_id} for ${record.store_origin ?? "the first store to activate it"}: ` +
        `${record.registers} registers, ${record.edition} edition, expires ${record.expires_at}, ` +
        `${record.grace_days} grace days`,
    );
    output.out(`licence key (shown only now; give it to the shop owner): ${issued.licenceKey}`);
    return 0;
  } finally {
    await db.destroy();
  }
}

async function renew(dataDir: string, values: CliValues, output: CliOutput, now: () => Date) {
  const days = integerOption(values.days, "--days", 1, 3650);
  if (values.licence === undefined) throw new UsageError("option --licence ID is required");

  const db = await openLicenceDatabase(join(dataDir, LICENCE_DATABASE_FILE));
  try {
    const record = await renewLicenceKey(db, { licenceId: values.licence, days, now: now() });
    if (record === undefined) {
      output.err(`licence ${values.licence} not found; run "list" to see the licence ids`);
      return 1;
    }
    output.out(
      `licence ${record.licence_id} now expires ${record.expires_at}; the store gets it on its next activation`,
    );
    return 0;
  } finally {
    await db.destroy();
  }
}

async function list(dataDir: string, output: CliOutput) {
  const db = await openLicenceDatabase(join(dataDir, LICENCE_DATABASE_FILE));
  try {
    const records = await listLicenceKeys(db);
    if (records.length === 0) output.out("no licence keys yet; create one with issue");
    for (const r of records) {
      const origin = r.store_origin ?? "(not activated)";
      output.out(
        `${r.licence_id}  ${origin}  ${r.registers} registers  ${r.edition}  expires ${r.expires_at}`,
      );
    }
    return 0;
  } finally {
    await db.destroy();
  }
}

async function printPublicKeys(dataDir: string, output: CliOutput) {
  const keys = await loadSigningKeys(dataDir);
  if (keys.length === 0) {
    output.err(`no signing key in ${dataDir}; run keygen first`);
    return 1;
  }
  output.out(JSON.stringify(Object.fromEntries(keys.map((k) => [k.keyId, k.publicKey])), null, 2));
  return 0;
}

async function serve(dataDir: string, values: CliValues) {
  const port = integerOption(values.port ?? "8787", "--port", 0, 65_535);
  const host = values.host ?? "127.0.0.1";
  const app = await buildLicenceService({ dataDir, logger: true });
  await app.listen({ host, port });

  const stop = (signal: string) => {
    app.log.info({ signal }, "licence service stopping");
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, "licence service failed to stop cleanly");
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  return 0;
}

function integerOption(text: string | undefined, name: string, min: number, max: number): number {
  if (text === undefined) throw new UsageError(`option ${name} is required`);
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new UsageError(
      `option ${name} must be a whole number from ${min} to ${max}, got "${text}"`,
    );
  }
  return value;
}

function originOption(text: string): string {
  const origin = normaliseStoreOrigin(text);
  if (!origin.ok) throw new UsageError(`option --store: ${origin.message}`);
  return origin.origin;
}
