import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { WooClient } from "@pos/woo";
import type { CatalogDb } from "./catalog-db.js";
import { SyncEngine } from "./sync-engine.js";
import type { SyncEventMap } from "./sync-events.js";
import { createCatalogPull, detectStoreKind, probeUrlFor } from "./store-kind.js";
import { WooPull } from "./woo-pull.js";
import { WooTestServer } from "./test-support/woo-test-server.js";
import { openFailingDb, openTestDb, uniqueDbName } from "./test-support/test-db.js";

let server: WooTestServer;
let client: WooClient;
let nowMs: number;
const opened: CatalogDb[] = [];

beforeEach(async () => {
  server = new WooTestServer();
  client = new WooClient({ baseUrl: await server.listen(), maxAttempts: 1 });
  nowMs = 1_000_000;
});

afterEach(async () => {
  for (const db of opened.splice(0)) db.close();
  await server.close();
});

function track(db: CatalogDb): CatalogDb {
  opened.push(db);
  return db;
}

const products = () => server.route("wc/v3/products");

/** Runs one pull; the same WooPull keeps its audit clock between runs. */
async function runOnce(db: CatalogDb, pull = new WooPull(client, { auditIntervalMs: 60_000 })) {
  const engine = new SyncEngine({ db, pull, now: () => nowMs });
  const errors: SyncEventMap["error"][] = [];
  engine.on("error", (event) => errors.push(event));
  engine.start();
  await engine.settled();
  await engine.stop();
  return { engine, errors, pull };
}

/** Adds `count` published simple products cloned from Beanie (id 15) with ids from `firstId`. */
function addProducts(firstId: number, count: number): void {
  const beanie = products().get(15)!;
  for (let id = firstId; id < firstId + count; id++) {
    products().set(id, { ...beanie, id, sku: `CLONE-${id}` });
  }
}

describe("WooPull seed", () => {
  it("stores every collection of the recorded store", async () => {
    const db = track(openTestDb(uniqueDbName()));

    const { engine, errors } = await runOnce(db);

    expect(errors).toEqual([]);
    expect(await db.products.count()).toBe(100);
    expect(await db.variations.count()).toBe(7);
    expect(await db.categories.count()).toBe(12);
    expect(await db.tags.count()).toBe(3);
    expect(await db.customers.count()).toBe(3);
    expect(await db.coupons.count()).toBe(3);
    expect(await db.taxRates.count()).toBe(2);
    const progress = await engine.progress();
    expect(progress.filter((entry) => !entry.complete)).toEqual([]);
    expect((await db.products.get(15))?.price).toBe("18");
    expect((await db.variations.get(27))?.parentId).toBe(11);
  });

  it("pages products by id with per_page 100", async () => {
    addProducts(3000, 150);
    const db = track(openTestDb(uniqueDbName()));

    await runOnce(db);

    const listings = server.requests.filter(
      (url) => url.pathname === "/wp-json/wc/v3/products" && url.searchParams.get("page"),
    );
    const seedPages = listings.filter(
      (url) => url.searchParams.get("orderby") === "id" && !url.searchParams.has("_fields"),
    );
    expect(seedPages.map((url) => url.searchParams.get("page"))).toEqual(["1", "2", "3"]);
    expect(seedPages.every((url) => url.searchParams.get("per_page") === "100")).toBe(true);
    expect(seedPages.every((url) => url.searchParams.get("status") === "publish")).toBe(true);
    expect(await db.products.count()).toBe(250);
  });

  it("resumes a seed killed mid-page at the next page", async () => {
    addProducts(3000, 150);
    const name = uniqueDbName();
    let productWrites = 0;
    const killed = track(
      openFailingDb(
        name,
        "productChunks",
        () => ++productWrites === 2,
        () => new Error("tab closed"),
      ),
    );

    const first = await runOnce(killed);

    expect(first.errors).toHaveLength(1);
    expect(await killed.products.count()).toBe(100);
    expect((await killed.checkpoints.get("products"))?.seedPage).toBe(2);
    killed.close();

    const restarted = track(openTestDb(name));
    const before = server.requests.length;
    await runOnce(restarted);

    const resumed = server.requests
      .slice(before)
      .find((url) => url.pathname === "/wp-json/wc/v3/products");
    expect(resumed?.searchParams.get("page")).toBe("2");
    expect(await restarted.products.count()).toBe(250);
  });
});

describe("WooPull polling", () => {
  it("fetches products modified after the cursor", async () => {
    const db = track(openTestDb(uniqueDbName()));
    const { pull } = await runOnce(db);
    products().set(64, {
      ...products().get(64)!,
      price: "9.99",
      date_modified_gmt: "2026-12-04T16:00:00",
    });

    await runOnce(db, pull);

    expect((await db.products.get(64))?.price).toBe("9.99");
    const poll = server.requests.filter((url) => url.searchParams.has("modified_after")).at(-1);
    expect(poll?.searchParams.get("dates_are_gmt")).toBe("true");
    expect(poll?.searchParams.get("orderby")).toBe("modified");
    const checkpoint = await db.checkpoints.get("products");
    expect(checkpoint?.modifiedAfterGmt).toBe("2026-12-04T16:00:00");
    expect(checkpoint?.modifiedAfterId).toBe(64);
  });

  it("breaks ties within one second by id", async () => {
    const newest = "2026-12-04T16:30:00";
    for (const id of [20, 31])
      products().set(id, { ...products().get(id)!, date_modified_gmt: newest });
    const db = track(openTestDb(uniqueDbName()));
    const { pull } = await runOnce(db);
    expect((await db.checkpoints.get("products"))?.modifiedAfterId).toBe(31);
    products().set(20, { ...products().get(20)!, name: "Changed without a new date" });
    products().set(4000, {
      ...products().get(15)!,
      id: 4000,
      sku: "LATE",
      date_modified_gmt: newest,
    });

    await runOnce(db, pull);

    expect((await db.products.get(4000))?.sku).toBe("LATE");
    expect((await db.products.get(20))?.name).not.toBe("Changed without a new date");
    const poll = server.requests.filter((url) => url.searchParams.has("modified_after")).at(-1);
    expect(poll?.searchParams.get("modified_after")).toBe("2026-12-04T16:29:59");
  });

  it("removes a product moved to draft", async () => {
    const db = track(openTestDb(uniqueDbName()));
    const { pull } = await runOnce(db);
    products().set(15, {
      ...products().get(15)!,
      status: "draft",
      date_modified_gmt: "2026-12-04T16:00:00",
    });

    await runOnce(db, pull);

    expect(await db.products.get(15)).toBeUndefined();
  });

  it("refetches the variations of a modified variable product", async () => {
    const db = track(openTestDb(uniqueDbName()));
    const { pull } = await runOnce(db);
    products().set(11, { ...products().get(11)!, date_modified_gmt: "2026-12-04T16:00:00" });
    const vneck = server.variations.get(11)!;
    vneck.set(27, { ...vneck.get(27)!, price: "14" });
    vneck.delete(26);

    await runOnce(db, pull);

    expect((await db.variations.get(27))?.price).toBe("14");
    expect(await db.variations.get(26)).toBeUndefined();
  });
});

describe("WooPull audit", () => {
  it("deletes what the server no longer has once the audit is due", async () => {
    const db = track(openTestDb(uniqueDbName()));
    const { pull } = await runOnce(db);
    products().delete(64);
    server.route("wc/v3/customers").delete(2);

    nowMs += 30_000;
    await runOnce(db, pull);
    expect(await db.products.get(64)).toBeDefined();

    nowMs += 60_000;
    await runOnce(db, pull);

    expect(await db.products.get(64)).toBeUndefined();
    expect(await db.customers.get(2)).toBeUndefined();
    expect(await db.products.count()).toBe(99);
    const audited = server.requests.filter((url) => url.searchParams.get("_fields") === "id");
    expect(audited.map((url) => url.pathname)).toContain("/wp-json/wc/v3/products");
  });

  it("fetches records the audit finds missing locally", async () => {
    const db = track(openTestDb(uniqueDbName()));
    const { pull } = await runOnce(db);
    await db.products.delete(15);

    nowMs += 120_000;
    await runOnce(db, pull);

    expect((await db.products.get(15))?.sku).toBe("woo-beanie");
  });
});

describe("store kind", () => {
  it("detects WooCommerce by the 404 of pos/v1/ping", async () => {
    expect(await detectStoreKind(client)).toBe("woocommerce");
    expect(probeUrlFor(client, "woocommerce")).toBe(`${client.baseUrl}/wp-json/`);
    expect(createCatalogPull(client, "woocommerce")).toBeInstanceOf(WooPull);
  });
});
