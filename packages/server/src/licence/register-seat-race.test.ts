import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../auth/user-store.js";
import { withDeviceSessionTables } from "../auth/device-session-schema.js";
import { openStoreDatabase } from "../db/store-database.js";
import type { SqlDialectName, StoreDatabase } from "../db/store-database.js";
import { buildServerDist, startServerProcess } from "../test-support/server-process.js";
import type { ServerProcess } from "../test-support/server-process.js";
import { testDialects, testPassword, testPostgresUrl } from "../test-support/test-server.js";
import { startTestLicenceService } from "./test-licence-service.js";
import type { TestLicenceService } from "./test-licence-service.js";

const loginsPerRound = 12;
const rounds = 3;

interface OpenedStore {
  store: StoreDatabase;
  env: Record<string, string>;
  cleanup: () => Promise<void>;
}

/** Opens a fresh store that server processes can share: one SQLite folder or one schema. */
async function openSharedStore(dialect: SqlDialectName): Promise<OpenedStore> {
  if (dialect === "sqlite") {
    const dataDir = await mkdtemp(path.join(tmpdir(), "pos-seat-race-"));
    const store = await openStoreDatabase({ dataDir });
    const cleanup = async () => {
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    };
    return { store, env: { DATA_DIR: dataDir }, cleanup };
  }
  const schema = `test_${randomBytes(6).toString("hex")}`;
  const store = await openStoreDatabase({ databaseUrl: testPostgresUrl, postgresSchema: schema });
  const searchPath = encodeURIComponent(`-c search_path=${schema}`);
  const cleanup = async () => {
    await store.close();
    const client = new pg.Client({ connectionString: testPostgresUrl });
    await client.connect();
    await client.query(`drop schema ${schema} cascade`);
    await client.end();
  };
  return { store, env: { DATABASE_URL: `${testPostgresUrl}?options=${searchPath}` }, cleanup };
}

describe.each(testDialects)("register seats under concurrent logins on %s", (dialect) => {
  const storeOrigin = "https://race.example";
  let opened: OpenedStore;
  let service: TestLicenceService;
  let servers: ServerProcess[] = [];

  const signIn = async (server: ServerProcess, register: string | undefined) => {
    const response = await fetch(`${server.baseUrl}/wp-json/pos/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "cashier", password: testPassword, register }),
    });
    const body = (await response.json()) as { code?: string };
    return { status: response.status, code: body.code };
  };

  /** Sends every login at once, spread over the running servers, and returns the statuses. */
  const signInAtOnce = async (round: string, count: number) => {
    const attempts = Array.from({ length: count }, (_, index) =>
      signIn(servers[index % servers.length]!, `register-${round}-${index}`),
    );
    return Promise.all(attempts);
  };

  const openRegisters = async () => {
    const rows = await withDeviceSessionTables(opened.store.db)
      .selectFrom("device_sessions")
      .select("register")
      .where("register", "is not", null)
      .where("revoked_gmt", "is", null)
      .execute();
    return rows.map((row) => row.register);
  };

  const signOutEveryone = () =>
    withDeviceSessionTables(opened.store.db)
      .updateTable("device_sessions")
      .set({ revoked_gmt: "2026-12-04T12:00:00" })
      .where("revoked_gmt", "is", null)
      .execute();

  const startServers = async (count: number, env: Record<string, string>) => {
    await Promise.all(servers.map((server) => server.stop()));
    servers = [];
    for (let index = 0; index < count; index++) {
      // Started one after another, so only the first activates LICENCE_KEY.
      servers.push(await startServerProcess({ ...opened.env, TILL_DIR: "/nonexistent", ...env }));
    }
  };

  beforeAll(async () => {
    buildServerDist();
    opened = await openSharedStore(dialect);
    service = await startTestLicenceService(() => new Date());
    await createUser(
      opened.store.db,
      { username: "cashier", displayName: "Cashier", role: "cashier", password: testPassword },
      "2026-12-04T00:00:00",
    );
  }, 120_000);

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    servers = [];
    await opened.cleanup();
    await service.close();
  });

  it("admits one register of many in one process", async () => {
    await startServers(1, {});
    for (let round = 0; round < rounds; round++) {
      const results = await signInAtOnce(`one-${round}`, loginsPerRound);
      const admitted = results.filter((result) => result.status === 200);
      const rejected = results.filter((result) => result.code === "pos_register_limit");
      expect(admitted).toHaveLength(1);
      expect(rejected).toHaveLength(loginsPerRound - 1);
      expect(await openRegisters()).toHaveLength(1);
      await signOutEveryone();
    }
  }, 120_000);

  it("admits one register of many across two processes", async () => {
    await startServers(2, {});
    for (let round = 0; round < rounds; round++) {
      const results = await signInAtOnce(`two-${round}`, loginsPerRound);
      expect(results.filter((result) => result.status === 200)).toHaveLength(1);
      expect(results.filter((result) => result.status === 403)).toHaveLength(loginsPerRound - 1);
      expect(await openRegisters()).toHaveLength(1);
      await signOutEveryone();
    }
  }, 120_000);

  it("admits the licensed number across two processes", async () => {
    const licenceKey = await service.issue([
      "--store",
      storeOrigin,
      "--registers",
      "3",
      "--days",
      "30",
    ]);
    await startServers(2, {
      STORE_ORIGIN: storeOrigin,
      LICENCE_SERVICE_URL: service.url,
      LICENCE_KEY: licenceKey,
      LICENCE_PUBLIC_KEYS: JSON.stringify(service.publicKeys),
    });
    for (let round = 0; round < rounds; round++) {
      const results = await signInAtOnce(`licensed-${round}`, loginsPerRound);
      expect(results.filter((result) => result.status === 200)).toHaveLength(3);
      expect(results.filter((result) => result.status === 403)).toHaveLength(loginsPerRound - 3);
      expect(await openRegisters()).toHaveLength(3);
      await signOutEveryone();
    }
  }, 120_000);

  it("counts no seat for logins without a register", async () => {
    await startServers(2, {});
    const till = await signIn(servers[0]!, "register-till");
    expect(till.status).toBe(200);
    const apiClients = await Promise.all(servers.map((server) => signIn(server, undefined)));
    expect(apiClients.map((result) => result.status)).toEqual([200, 200]);
    expect(await openRegisters()).toEqual(["register-till"]);
    const second = await signIn(servers[1]!, "register-second");
    expect(second.code).toBe("pos_register_limit");
    await signOutEveryone();
  }, 120_000);
});
