#!/usr/bin/env node
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { buildApp } from "./build-app.js";
import { isRole } from "./auth/capabilities.js";
import { createApiKey } from "./auth/api-key-store.js";
import {
  chunkApplicationPassword,
  createApplicationPassword,
} from "./auth/application-password-store.js";
import { createUser, findUserByUsername } from "./auth/user-store.js";
import { seedDemoStore } from "./demo/seed-demo-store.js";
import { openStoreDatabase } from "./db/store-database.js";
import type { StoreDatabase } from "./db/store-database.js";
import { importProductCsv } from "./importer/import-product-csv.js";
import { importTaxRateCsv } from "./importer/import-tax-rate-csv.js";
import { importOffCommand, importOffUsage } from "./importer/import-off-command.js";
import { toGmtDateString } from "./time/wp-date.js";
import { checkLicenceAtStart, readLicenceSettings } from "./licence/licence-settings.js";

const usage = `Usage: pos-server COMMAND

Commands:
  demo [--openfoodfacts N]  seed the demo store if empty, then serve it; with --openfoodfacts,
                            first import the first N rows of the Open Food Facts file
  serve                     serve the store
  import-products FILE      import a WooCommerce product CSV
  import-tax-rates FILE     import a WooCommerce tax rate CSV
  ${importOffUsage}
  create-user --username NAME --role administrator|manager|cashier [--display-name TEXT]
                            create a staff user; the password is read from POS_USER_PASSWORD
  create-api-key --username NAME --permissions read|write|read_write
                            create a WooCommerce consumer key and secret for a staff user
  create-app-password --user NAME --name LABEL
                            create a WordPress application password for a staff user and
                            print it once; it is stored hashed and cannot be shown again

Environment:
  DATA_DIR           folder of the SQLite database (default ./data)
  DATABASE_URL       postgres:// URL; selects PostgreSQL instead of SQLite
  HOST, PORT         address to listen on (default 127.0.0.1:8080)
  TRUST_PROXY        "true" to trust X-Forwarded-* headers of a TLS-terminating proxy
  TILL_DIR           folder of the till's build (default apps/pos/dist of this repository)
  POS_DEMO_PASSWORD  password of the demo users (default: a random one, printed at start)
  STORE_ORIGIN       the store's public address, which a licence names (default http://HOST:PORT)
  LICENCE_KEY        a licence key to activate at start when no valid licence is stored
  LICENCE_SERVICE_URL  the licence service; unset, no call is made (community edition, 1 register)
  LICENCE_PUBLIC_KEYS  JSON {"KEY_ID": "BASE64URL"} of extra trusted licence signing keys
`;

const defaultTillDir = fileURLToPath(new URL("../../../apps/pos/dist", import.meta.url));

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "help" || command === "--help") {
    process.stdout.write(usage);
    return command === undefined ? 1 : 0;
  }
  const commands = [
    "demo",
    "serve",
    "import-products",
    "import-tax-rates",
    "import-off",
    "create-user",
    "create-api-key",
    "create-app-password",
  ];
  if (!commands.includes(command)) {
    process.stderr.write(`unknown command "${command}"\n\n${usage}`);
    return 1;
  }
  const store = await openStoreDatabase({
    dataDir: process.env["DATA_DIR"] ?? "./data",
    databaseUrl: process.env["DATABASE_URL"] || undefined,
  });
  switch (command) {
    case "demo":
      return demo(store, rest);
    case "serve":
      return serve(store, false);
    case "import-products":
      return withClose(store, () => importFile(store, rest[0], "products"));
    case "import-tax-rates":
      return withClose(store, () => importFile(store, rest[0], "tax-rates"));
    case "import-off":
      return withClose(store, () => importOffCommand(store, rest, consoleOutput));
    case "create-user":
      return withClose(store, () => createUserCommand(store, rest));
    case "create-api-key":
      return withClose(store, () => createApiKeyCommand(store, rest));
    case "create-app-password":
      return withClose(store, () => createAppPasswordCommand(store, rest));
    default:
      await store.close();
      return 1;
  }
}

const consoleOutput = {
  out: (line: string) => process.stdout.write(`${line}\n`),
  err: (line: string) => process.stderr.write(`${line}\n`),
};

/**
 * Runs `demo`. With `--openfoodfacts N` it imports the first N rows of the Open Food Facts file
 * after the demo seed and before listening. The seed runs first because it only fills a store
 * without products. Rows imported by an earlier start are counted as already in the store.
 */
async function demo(store: StoreDatabase, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { openfoodfacts: { type: "string" } } });
  const rows = values.openfoodfacts;
  if (rows === undefined) return serve(store, true);
  return serve(store, true, () => importOffCommand(store, ["--limit", rows], consoleOutput));
}

async function serve(
  store: StoreDatabase,
  demo: boolean,
  afterSeed?: () => Promise<number>,
): Promise<number> {
  const host = process.env["HOST"] ?? "127.0.0.1";
  const port = Number(process.env["PORT"] ?? "8080");
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`invalid PORT "${process.env["PORT"]}": use a number from 0 to 65535\n`);
    return 1;
  }
  const password = process.env["POS_DEMO_PASSWORD"] || randomBytes(9).toString("base64url");
  const logins = demo ? await seedDemoStore(store, password, () => new Date()) : undefined;
  const seedCode = afterSeed === undefined ? 0 : await afterSeed();
  if (seedCode !== 0) {
    await store.close();
    return seedCode;
  }
  const tillDir = process.env["TILL_DIR"] ?? defaultTillDir;
  const licence = readLicenceSettings(process.env, `http://${host}:${port}`);
  const app = await buildApp({
    licence,
    store,
    logger: { level: process.env["LOG_LEVEL"] ?? "info" },
    tillDir,
    trustProxy: process.env["TRUST_PROXY"] === "true",
  });
  const stop = async (signal: string) => {
    app.log.info({ signal }, "server stopping");
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.once("SIGINT", (signal) => void stop(signal));
  process.once("SIGTERM", (signal) => void stop(signal));

  await checkLicenceAtStart(store.db, licence, app.log);
  const address = await app.listen({ host, port });
  process.stdout.write(`Store server listening on ${address}\n`);
  if (logins !== undefined) {
    process.stdout.write(`Demo logins (password "${logins.password}"):\n`);
    for (const user of logins.users) process.stdout.write(`  ${user.username} (${user.role})\n`);
  }
  return new Promise<number>(() => undefined);
}

async function importFile(store: StoreDatabase, file: string | undefined, kind: string) {
  if (file === undefined) {
    process.stderr.write(`import-${kind} needs a FILE argument\n`);
    return 1;
  }
  const text = await readFile(path.resolve(file), "utf8");
  const report =
    kind === "products"
      ? await importProductCsv(store, text, () => new Date())
      : await importTaxRateCsv(store, text);
  process.stdout.write(`imported ${report.created} ${kind} from ${file}\n`);
  for (const failure of report.failed) process.stderr.write(`  skipped: ${failure.message}\n`);
  return report.failed.length === 0 ? 0 : 2;
}

async function createUserCommand(store: StoreDatabase, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      username: { type: "string" },
      role: { type: "string" },
      "display-name": { type: "string" },
    },
  });
  const password = process.env["POS_USER_PASSWORD"] ?? "";
  if (!values.username || !values.role || !isRole(values.role)) {
    process.stderr.write("create-user needs --username and --role administrator|manager|cashier\n");
    return 1;
  }
  await createUser(
    store.db,
    {
      username: values.username,
      role: values.role,
      displayName: values["display-name"] ?? values.username,
      password,
    },
    toGmtDateString(new Date()),
  );
  process.stdout.write(`created ${values.role} "${values.username}"\n`);
  return 0;
}

async function createApiKeyCommand(store: StoreDatabase, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { username: { type: "string" }, permissions: { type: "string" } },
  });
  const permissions = values.permissions;
  if (
    !values.username ||
    (permissions !== "read" && permissions !== "write" && permissions !== "read_write")
  ) {
    process.stderr.write(
      "create-api-key needs --username and --permissions read|write|read_write\n",
    );
    return 1;
  }
  const user = await findUserByUsername(store.db, values.username);
  if (user === undefined) {
    process.stderr.write(`user "${values.username}" not found; create it with create-user first\n`);
    return 1;
  }
  const key = await createApiKey(
    store.db,
    user.id,
    permissions,
    "CLI",
    toGmtDateString(new Date()),
  );
  process.stdout.write(
    `consumer key:    ${key.consumerKey}\nconsumer secret: ${key.consumerSecret}\n`,
  );
  return 0;
}

async function createAppPasswordCommand(store: StoreDatabase, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { user: { type: "string" }, name: { type: "string" } },
  });
  if (!values.user || values.name === undefined) {
    process.stderr.write("create-app-password needs --user NAME and --name LABEL\n");
    return 1;
  }
  const user = await findUserByUsername(store.db, values.user);
  if (user === undefined) {
    process.stderr.write(`user "${values.user}" not found; create it with create-user first\n`);
    return 1;
  }
  const created = await createApplicationPassword(
    store.db,
    { userId: user.id, name: values.name },
    toGmtDateString(new Date()),
  );
  process.stdout.write(
    `application password "${created.row.name}" for "${user.username}" ` +
      `(uuid ${created.row.uuid}):\n${chunkApplicationPassword(created.password)}\n` +
      "Copy it now: only its hash is stored, so it cannot be shown again.\n",
  );
  return 0;
}

async function withClose(store: StoreDatabase, work: () => Promise<number>): Promise<number> {
  try {
    return await work();
  } finally {
    await store.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
