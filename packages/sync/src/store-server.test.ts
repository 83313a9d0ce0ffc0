/// <reference types="node" />
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { buildApp, openStoreDatabase, seedDemoStore, type StoreDatabase } from "@pos/server";
import { PosApi, PosSession, WooClient, wcCustomerSchema, type PosTokens } from "@pos/woo";
import { SyncEngine } from "./sync-engine.js";
import type { SyncEventMap } from "./sync-events.js";
import { createCatalogPull, detectStoreKind } from "./store-kind.js";
import { openTestDb, uniqueDbName } from "./test-support/test-db.js";

type App = Awaited<ReturnType<typeof buildApp>>;

let dataDir: string;
let store: StoreDatabase;
let app: App;
let baseUrl: string;
let tokens: PosTokens;
let clockMs = Date.now();

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "pos-sync-test-"));
  store = await openStoreDatabase({ dataDir });
  const logins = await seedDemoStore(store, "demo-password-1", () => new Date());
  app = await buildApp({ store, now: () => new Date(clockMs) });
  baseUrl = await app.listen({ host: "127.0.0.1", port: 0 });
  const manager = logins.users.find((user) => user.role === "manager")!;
  tokens = await new PosApi(new WooClient({ baseUrl })).login({
    username: manager.username,
    password: logins.password,
  });
});

afterAll(async () => {
  await app.close();
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
});

function managerClient(): WooClient {
  return new WooClient({
    baseUrl,
    auth: { kind: "bearer", getToken: () => tokens.access_token },
  });
}

function engineFor(client: WooClient, db = openTestDb(uniqueDbName())) {
  const pull = createCatalogPull(client, "pos", { snapshotPageSize: 5, feedPageSize: 3 });
  const engine = new SyncEngine({ db, pull });
  const errors: SyncEventMap["error"][] = [];
  engine.on("error", (event) => errors.push(event));
  return { engine, db, errors };
}

async function runOnce(engine: SyncEngine): Promise<void> {
  engine.start();
  await engine.settled();
  await engine.stop();
}

/** The customers' "x of y", which must stay complete as the server adds and deletes. */
async function customersProgress(engine: SyncEngine) {
  return (await engine.progress()).find((entry) => entry.collection === "customers");
}

describe("sync against the store server", () => {
  it("detects the pos/v1 routes", async () => {
    expect(await detectStoreKind(managerClient())).toBe("pos");
  });

  it("seeds every collection to the server's totals", async () => {
    const { engine, db, errors } = engineFor(managerClient());

    await runOnce(engine);

    expect(errors).toEqual([]);
    const progress = await engine.progress();
    expect(progress.filter((entry) => !entry.complete)).toEqual([]);
    expect(await db.products.count()).toBeGreaterThan(5);
    expect(await db.taxRates.count()).toBeGreaterThan(0);
    db.close();
  });

  it("follows customer writes through the change feed", async () => {
    const client = managerClient();
    const { engine, db, errors } = engineFor(client);
    await runOnce(engine);
    const created = await client.request({
      method: "POST",
      route: "wc/v3/customers",
      body: { email: "rowan.sample@example.test", first_name: "Rowan", last_name: "Sample" },
      schema: wcCustomerSchema,
    });

    await runOnce(engine);
    expect((await db.customers.get(created.data.id))?.firstName).toBe("Rowan");
    expect(await customersProgress(engine)).toMatchObject({ complete: true });

    await client.request({
      method: "DELETE",
      route: `wc/v3/customers/${created.data.id}`,
      query: { force: true },
      schema: wcCustomerSchema,
    });
    await runOnce(engine);

    expect(await db.customers.get(created.data.id)).toBeUndefined();
    expect(await customersProgress(engine)).toMatchObject({ complete: true });
    expect(errors).toEqual([]);
    const checkpoint = await db.checkpoints.get("customers");
    const head = await new PosApi(client).changesHead();
    expect(checkpoint?.feedSeq).toBe(head);
    db.close();
  });

  it("renews an expired access token once", async () => {
    const refreshApi = new PosApi(new WooClient({ baseUrl }));
    const issued: PosTokens[] = [];
    const session = new PosSession({
      refreshApi,
      tokens,
      onTokens: (next) => next && issued.push(next),
    });
    const client = new WooClient({ baseUrl, auth: session.auth() });
    clockMs += 16 * 60_000;

    const routes = ["pos/v1/changes/head", "pos/v1/store", "pos/v1/changes/head"];
    const heads = await Promise.all(
      routes.map((route) => client.request({ route, schema: z.unknown() })),
    );

    expect(heads.map((response) => response.status)).toEqual([200, 200, 200]);
    expect(issued).toHaveLength(1);
    expect(session.current?.access_token).not.toBe(tokens.access_token);
    tokens = session.current!;
  });
});
