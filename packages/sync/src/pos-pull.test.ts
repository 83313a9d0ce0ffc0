import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PosApi, WooClient } from "@pos/woo";
import type { CatalogDb } from "./catalog-db.js";
import { PosPull } from "./pos-pull.js";
import { SyncEngine } from "./sync-engine.js";
import type { SyncEventMap } from "./sync-events.js";
import { PosTestServer } from "./test-support/pos-test-server.js";
import { categoryRecord, productRecord, taxRateRecord } from "./test-support/catalog-fixtures.js";
import { openFailingDb, openTestDb, uniqueDbName } from "./test-support/test-db.js";

let server: PosTestServer;
let baseUrl: string;
const opened: CatalogDb[] = [];

beforeEach(async () => {
  server = new PosTestServer();
  baseUrl = await server.listen();
});

afterEach(async () => {
  for (const db of opened.splice(0)) db.close();
  await server.close();
});

function track(db: CatalogDb): CatalogDb {
  opened.push(db);
  return db;
}

function fillCatalog(products: number): void {
  server.put("tax_rates", taxRateRecord(1));
  for (let id = 1; id <= 3; id++) server.put("categories", categoryRecord(id));
  for (let id = 1; id <= products; id++) server.put("products", productRecord(id));
}

function engineFor(db: CatalogDb, pageSize = 10, feedPageSize = 100) {
  const api = new PosApi(new WooClient({ baseUrl, maxAttempts: 1 }));
  const pull = new PosPull(api, { snapshotPageSize: pageSize, feedPageSize });
  const engine = new SyncEngine({ db, pull, pollIntervalMs: 60_000 });
  const events: { [K in keyof SyncEventMap]: SyncEventMap[K][] } = {
    progress: [],
    collectionComplete: [],
    changesApplied: [],
    error: [],
    idle: [],
  };
  for (const name of Object.keys(events) as (keyof SyncEventMap)[]) {
    engine.on(name, (event) => (events[name] as unknown[]).push(event));
  }
  return { engine, events };
}

async function runOnce(db: CatalogDb, pageSize = 10, feedPageSize = 100) {
  const { engine, events } = engineFor(db, pageSize, feedPageSize);
  engine.start();
  await engine.settled();
  await engine.stop();
  return { engine, events };
}

describe("PosPull seed", () => {
  it("stores every collection and reports it complete", async () => {
    fillCatalog(25);
    const db = track(openTestDb(uniqueDbName()));

    const { engine, events } = await runOnce(db);

    expect(await db.products.count()).toBe(25);
    expect(await db.categories.count()).toBe(3);
    expect(await db.taxRates.count()).toBe(1);
    const products = (await engine.progress()).find((entry) => entry.collection === "products");
    expect(products).toEqual({
      collection: "products",
      phase: "following",
      stored: 25,
      total: 25,
      complete: true,
    });
    expect(events.error).toEqual([]);
    expect(events.collectionComplete.map((entry) => entry.collection)).toContain("products");
  });

  it("takes the head first and tax rates before products", async () => {
    fillCatalog(5);
    const db = track(openTestDb(uniqueDbName()));

    await runOnce(db);

    const paths = server.requests.map((request) => request.split("?")[0]);
    expect(paths[0]).toBe("GET /wp-json/pos/v1/changes/head");
    const taxRates = paths.indexOf("GET /wp-json/pos/v1/snapshot/tax_rates");
    const categories = paths.indexOf("GET /wp-json/pos/v1/snapshot/categories");
    const products = paths.indexOf("GET /wp-json/pos/v1/snapshot/products");
    expect(taxRates).toBeGreaterThan(0);
    expect(categories).toBeGreaterThan(taxRates);
    expect(products).toBeGreaterThan(categories);
  });

  it("reports progress page by page as x of y", async () => {
    fillCatalog(25);
    const db = track(openTestDb(uniqueDbName()));

    const { events } = await runOnce(db);

    const products = events.progress.filter((entry) => entry.collection === "products");
    expect(products.map((entry) => `${entry.stored} of ${entry.total}`)).toEqual([
      "10 of 25",
      "20 of 25",
      "25 of 25",
    ]);
    expect(products.map((entry) => entry.complete)).toEqual([false, false, true]);
  });

  it("picks up writes made during the seed from the change feed", async () => {
    fillCatalog(25);
    server.interceptor = (_request, url) => {
      if (url.pathname.endsWith("/snapshot/products") && url.searchParams.get("after") === "10") {
        server.interceptor = null;
        server.remove("products", 3);
        server.put("products", productRecord(4, { price: "12.00" }));
        server.put("products", productRecord(26));
      }
      return null;
    };
    const db = track(openTestDb(uniqueDbName()));

    await runOnce(db);

    expect(await db.products.get(3)).toBeUndefined();
    expect((await db.products.get(4))?.price).toBe("12.00");
    expect(await db.products.get(26)).toBeDefined();
    expect(await db.products.count()).toBe(25);
  });

  it("reports a change feed that went back behind the till", async () => {
    fillCatalog(5);
    const db = track(openTestDb(uniqueDbName()));
    await runOnce(db);
    server.put("products", productRecord(6));
    server.interceptor = (_request, url) =>
      url.pathname.endsWith("/changes")
        ? { status: 200, body: { changes: [], next: 0, more: false } }
        : null;

    const { events } = await runOnce(db);

    expect(events.error.map((event) => event.error.message).join(" ")).toContain(
      "clear and re-download the catalogue",
    );
    expect(await db.products.get(6)).toBeUndefined();
  });

  it("never calls a collection complete below the server's total", async () => {
    fillCatalog(25);
    server.interceptor = (_request, url) => {
      if (!url.pathname.endsWith("/snapshot/products")) return null;
      const after = Number(url.searchParams.get("after"));
      const records = [...(server.records.get("products")?.values() ?? [])]
        .filter((record) => record.id > after)
        .slice(0, 10);
      // A server that stops early: its last page sets next_after to null while total is 30.
      return { status: 200, body: { records, next_after: after >= 10 ? null : 10, total: 30 } };
    };
    const db = track(openTestDb(uniqueDbName()));

    const { engine, events } = await runOnce(db);

    const products = (await engine.progress()).find((entry) => entry.collection === "products");
    expect(products?.stored).toBe(20);
    expect(products?.total).toBe(30);
    expect(products?.complete).toBe(false);
    expect(events.collectionComplete.map((entry) => entry.collection)).not.toContain("products");
  });
});

describe("PosPull change feed", () => {
  it("applies records and tombstones after the seed", async () => {
    fillCatalog(5);
    const db = track(openTestDb(uniqueDbName()));
    await runOnce(db);
    server.put("products", productRecord(2, { name: "Renamed" }));
    server.remove("products", 5);
    server.remove("categories", 1);

    const { events } = await runOnce(db);

    expect((await db.products.get(2))?.name).toBe("Renamed");
    expect(await db.products.get(5)).toBeUndefined();
    expect(await db.categories.get(1)).toBeUndefined();
    expect(events.changesApplied).toEqual([{ stored: 1, deleted: 2, cursor: String(server.head) }]);
    const checkpoints = await db.checkpoints.toArray();
    expect(checkpoints.every((checkpoint) => checkpoint.feedSeq === server.head)).toBe(true);
  });

  it("sends the ETag and treats 304 as no changes", async () => {
    fillCatalog(5);
    const db = track(openTestDb(uniqueDbName()));
    const { engine, events } = engineFor(db);
    engine.start();
    await engine.settled();

    engine.pokeNow();
    await engine.settled();
    await engine.stop();

    const feedRequests = server.requests.filter((request) => request.includes("/changes?"));
    expect(feedRequests).toHaveLength(2);
    expect(events.changesApplied).toEqual([]);
    expect(events.idle).toHaveLength(2);
  });

  it("resumes after a kill mid-feed with no gap and no duplicate (S4)", async () => {
    const name = uniqueDbName();
    const first = track(openTestDb(name));
    await runOnce(first);
    first.close();
    for (let id = 1; id <= 10; id++) server.put("products", productRecord(id));
    const startSeq = server.head - 10;
    let writes = 0;
    // The second batch's transaction fails as if the tab closed while changes 5-10 arrived. A
    // batch writes its product rows in one write, so the second write is the second batch.
    const killed = track(
      openFailingDb(
        name,
        "productChunks",
        () => ++writes > 1,
        () => new Error("tab closed"),
      ),
    );

    const { events } = await runOnce(killed, 10, 4);

    expect(events.error).toHaveLength(1);
    const checkpoint = await killed.checkpoints.get("products");
    expect(checkpoint?.feedSeq).toBe(startSeq + 4);
    expect(await killed.products.count()).toBe(4);
    killed.close();

    const restarted = track(openTestDb(name));
    const before = server.requests.length;
    await runOnce(restarted, 10, 4);

    expect(server.requests[before]).toContain(`since=${startSeq + 4}`);
    expect(await restarted.products.count()).toBe(10);
    expect((await restarted.checkpoints.get("products"))?.feedSeq).toBe(server.head);
  });
});

describe("PosPull resume and storage errors", () => {
  it("resumes a seed killed mid-page at the last stored page", async () => {
    fillCatalog(25);
    const name = uniqueDbName();
    let bulkWrites = 0;
    const killed = track(
      openFailingDb(
        name,
        "productChunks",
        () => ++bulkWrites === 2,
        () => new Error("tab closed"),
      ),
    );

    await runOnce(killed);

    expect(await killed.products.count()).toBe(10);
    expect((await killed.checkpoints.get("products"))?.seedAfter).toBe(10);
    killed.close();

    const restarted = track(openTestDb(name));
    const before = server.requests.length;
    await runOnce(restarted);

    const resumed = server.requests.slice(before).find((request) => request.includes("products"));
    expect(resumed).toContain("after=10");
    expect(server.requests.slice(before).join()).not.toContain("changes/head");
    expect(await restarted.products.count()).toBe(25);
  });

  it("surfaces QuotaExceededError and stores nothing of that page (S8)", async () => {
    fillCatalog(5);
    let full = true;
    const db = track(
      openFailingDb(
        uniqueDbName(),
        "productChunks",
        () => full,
        () => new DOMException("The quota has been exceeded.", "QuotaExceededError"),
      ),
    );

    const { events } = await runOnce(db);

    expect(events.error).toHaveLength(1);
    expect(events.error[0]?.kind).toBe("storage");
    expect(events.error[0]?.error.name).toBe("QuotaExceededError");
    expect(events.error[0]?.collection).toBe("products");
    expect(await db.products.count()).toBe(0);
    expect((await db.checkpoints.get("products"))?.seedAfter).toBe(0);

    full = false;
    await runOnce(db);
    expect(await db.products.count()).toBe(5);
  });
});

describe("PosPull prefetch and reset", () => {
  it("requests the next snapshot page while storing the current one", async () => {
    fillCatalog(25);
    const sent: string[] = [];
    const sentWhenStored: string[][] = [];
    const db = track(openTestDb(uniqueDbName()));
    const fetchAndLog: typeof fetch = (input, init) => {
      sent.push(input instanceof Request ? input.url : input.toString());
      return fetch(input, init);
    };
    const api = new PosApi(new WooClient({ baseUrl, maxAttempts: 1, fetch: fetchAndLog }));
    const pull = new PosPull(api, { snapshotPageSize: 10, feedPageSize: 100 });
    const engine = new SyncEngine({ db, pull, pollIntervalMs: 60_000 });
    engine.on("progress", (progress) => {
      if (progress.collection !== "products") return;
      sentWhenStored.push(sent.filter((url) => url.includes("snapshot/products")));
    });

    engine.start();
    await engine.settled();
    await engine.stop();

    // When the first page's transaction has committed, the second page is already requested.
    expect(sentWhenStored[0]?.length).toBeGreaterThanOrEqual(2);
    expect(sentWhenStored[0]?.[1]).toContain("after=10");
    expect(await db.products.count()).toBe(25);
  });

  it("resetCollection downloads one collection again, leaving other checkpoints", async () => {
    fillCatalog(12);
    const db = track(openTestDb(uniqueDbName()));
    const { engine } = engineFor(db);
    engine.start();
    await engine.settled();
    const categoriesBefore = await db.checkpoints.get("categories");
    server.remove("products", 12);
    const headAtReset = server.head;
    const before = server.requests.length;

    await engine.resetCollection("products");
    await engine.settled();
    await engine.stop();

    const after = server.requests.slice(before);
    expect(after.filter((request) => request.includes("snapshot/products"))).toHaveLength(2);
    expect(after.some((request) => request.includes("snapshot/categories"))).toBe(false);
    expect(await db.products.count()).toBe(11);
    expect(await db.checkpoints.get("categories")).toMatchObject({
      phase: categoriesBefore?.phase,
      seedAfter: categoriesBefore?.seedAfter,
    });
    expect((await db.checkpoints.get("products"))?.feedSeq).toBe(headAtReset);
  });

  it("resetCollection rejects an unknown collection and changes nothing", async () => {
    fillCatalog(3);
    const db = track(openTestDb(uniqueDbName()));
    await runOnce(db);
    const { engine } = engineFor(db);

    await expect(engine.resetCollection("widgets" as "products")).rejects.toThrow(
      'unknown collection "widgets"',
    );
    expect(await db.products.count()).toBe(3);
  });
});

describe("PosPull first page", () => {
  it("asks for a small first page, then full pages", async () => {
    fillCatalog(25);
    const db = track(openTestDb(uniqueDbName()));
    const api = new PosApi(new WooClient({ baseUrl, maxAttempts: 1 }));
    const pull = new PosPull(api, { snapshotPageSize: 10, feedPageSize: 100, firstPageSize: 3 });
    const engine = new SyncEngine({ db, pull, pollIntervalMs: 60_000 });

    engine.start();
    await engine.settled();
    await engine.stop();

    const products = server.requests.filter((request) => request.includes("snapshot/products"));
    expect(products[0]).toContain("after=0&limit=3");
    expect(products[1]).toContain("after=3&limit=10");
    expect(await db.products.count()).toBe(25);
  });
});
