import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../auth/user-store.js";
import { openStoreDatabase } from "../db/store-database.js";
import type { StoreDatabase } from "../db/store-database.js";
import { buildServerDist, startServerProcess } from "../test-support/server-process.js";
import type { ServerProcess } from "../test-support/server-process.js";
import { insertTestProduct } from "../test-support/test-products.js";
import { testDialects, testPassword, testPostgresUrl } from "../test-support/test-server.js";

const registers = 20;
const ordersPerRegister = 50;
const productCount = 10;
const stockEach = 500;

interface SentOrder {
  uuid: string;
  lines: { product_id: number; quantity: number }[];
}

/** A deterministic pseudo-random sequence, so a failure can be replayed. */
function randomSequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

describe.runIf(testDialects.includes("postgres"))("two server processes on one PostgreSQL", () => {
  const schema = `test_${randomBytes(6).toString("hex")}`;
  let store: StoreDatabase;
  let servers: ServerProcess[] = [];
  let productIds: number[] = [];
  const tokens: string[] = [];

  beforeAll(async () => {
    buildServerDist();
    store = await openStoreDatabase({ databaseUrl: testPostgresUrl, postgresSchema: schema });
    for (let index = 0; index < productCount; index++) {
      productIds.push(
        await insertTestProduct(store, { sku: `MP-${index}`, price: "2.50", stock: stockEach }),
      );
    }
    await createUser(
      store.db,
      { username: "cashier", displayName: "Cashier", role: "cashier", password: testPassword },
      "2026-12-04T00:00:00",
    );
    const databaseUrl = `${testPostgresUrl}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    const env = { DATABASE_URL: databaseUrl, TILL_DIR: "/nonexistent" };
    servers.push(await startServerProcess(env));
    servers.push(await startServerProcess(env));
    for (const server of servers) tokens.push(await loginTo(server.baseUrl, testPassword));
  }, 120_000);

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await store.close();
    const client = new pg.Client({ connectionString: testPostgresUrl });
    await client.connect();
    await client.query(`drop schema ${schema} cascade`);
    await client.end();
    servers = [];
    productIds = [];
  });

  async function loginTo(baseUrl: string, password: string) {
    const response = await fetch(`${baseUrl}/wp-json/pos/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "cashier", password }),
    });
    const body = (await response.json()) as { access_token?: string; code?: string };
    return response.status === 200 ? (body.access_token ?? "") : `status ${response.status}`;
  }

  async function postOrder(serverIndex: number, order: SentOrder) {
    const server = servers[serverIndex % servers.length];
    if (server === undefined) throw new Error(`no server ${serverIndex}`);
    const response = await fetch(`${server.baseUrl}/wp-json/wc/v3/orders`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${tokens[serverIndex % servers.length]}`,
      },
      body: JSON.stringify({
        set_paid: true,
        line_items: order.lines,
        meta_data: [{ key: "_pos_client_uuid", value: order.uuid }],
      }),
    });
    const body = (await response.json()) as { id?: number; code?: string };
    return { status: response.status, id: body.id, code: body.code };
  }

  /** Follows the change feed on both servers in turn until told to stop and caught up. */
  async function followChanges(done: () => boolean) {
    const seen = new Map<number, string>();
    let since = 0;
    for (let turn = 0; ; turn++) {
      const baseUrl = servers[turn % servers.length]?.baseUrl ?? "";
      const finished = done();
      const response = await fetch(`${baseUrl}/wp-json/pos/v1/changes?since=${since}&limit=50`, {
        headers: { authorization: `Bearer ${tokens[turn % servers.length]}` },
      });
      const page = (await response.json()) as {
        changes: { seq: number; collection: string; id: number }[];
        next: number;
        more: boolean;
      };
      for (const change of page.changes) seen.set(change.seq, `${change.collection}:${change.id}`);
      since = page.next;
      if (finished && !page.more) return seen;
      // Poll again at once while behind; otherwise wait a little, as a till does.
      if (!page.more) await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it("takes 20 registers × 50 orders without a duplicate, an oversell or a 500", async () => {
    const random = randomSequence(20261204);
    const plans: SentOrder[][] = Array.from({ length: registers }, () =>
      Array.from({ length: ordersPerRegister }, () => {
        const chosen = [...productIds].sort(() => random() - 0.5).slice(0, 5);
        return {
          uuid: randomUUID(),
          lines: chosen.map((id) => ({ product_id: id, quantity: random() < 0.5 ? 1 : 2 })),
        };
      }),
    );
    const results = new Map<string, { status: number; id?: number; code?: string }[]>();
    let writing = true;
    const reader = followChanges(() => !writing);
    await Promise.all(
      plans.map(async (plan, register) => {
        for (const [index, order] of plan.entries()) {
          const replies = [await postOrder(register + index, order)];
          // Every seventh order is sent again, to the other process, as after a lost reply.
          if (index % 7 === 0) replies.push(await postOrder(register + index + 1, order));
          results.set(order.uuid, replies);
        }
      }),
    );
    writing = false;
    const seen = await reader;

    const allReplies = [...results.values()].flat();
    expect(allReplies.filter((reply) => reply.status >= 500)).toEqual([]);
    const accepted = [...results.entries()].filter(([, replies]) => replies[0]?.status === 201);
    const refused = [...results.values()].filter((replies) => replies[0]?.status === 409);
    expect(accepted.length + refused.length).toBe(registers * ordersPerRegister);
    // 1,000 orders of five lines of 1–2 units need about 7,500 units; there are 5,000.
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.flat().every((reply) => reply.code?.includes("out_of_stock"))).toBe(true);
    for (const [, replies] of accepted) {
      expect(new Set(replies.map((reply) => reply.id)).size).toBe(1);
      expect(replies.slice(1).every((reply) => reply.status === 200)).toBe(true);
    }

    const orders = await store.db.selectFrom("orders").select(["client_uuid"]).execute();
    expect(orders.length).toBe(accepted.length);
    expect(new Set(orders.map((order) => order.client_uuid)).size).toBe(orders.length);

    const acceptedUuids = new Set(accepted.map(([uuid]) => uuid));
    const sold = new Map<number, number>();
    for (const order of plans.flat().filter((order) => acceptedUuids.has(order.uuid))) {
      for (const line of order.lines) {
        sold.set(line.product_id, (sold.get(line.product_id) ?? 0) + line.quantity);
      }
    }
    const stock = await store.db
      .selectFrom("products")
      .select(["id", "stock_quantity"])
      .where("id", "in", productIds)
      .execute();
    for (const row of stock) {
      expect(row.stock_quantity).toBe(stockEach - (sold.get(row.id) ?? 0));
      expect(row.stock_quantity ?? -1).toBeGreaterThanOrEqual(0);
    }
    console.info(`accepted ${accepted.length} orders, refused ${refused.length} for stock`);

    // The reader followed the feed while both processes wrote: it holds every record's last
    // journal entry, so no change was skipped.
    const journal = await store.db
      .selectFrom("changes")
      .select(["seq", "collection", "record_id"])
      .execute();
    for (const entry of journal) {
      expect(seen.get(Number(entry.seq))).toBe(`${entry.collection}:${entry.record_id}`);
    }
  }, 600_000);

  it("counts failed logins across both processes", async () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      expect(await loginTo(servers[attempt % 2]?.baseUrl ?? "", "wrong password")).toBe(
        "status 401",
      );
    }
    expect(await loginTo(servers[0]?.baseUrl ?? "", testPassword)).toBe("status 429");
    expect(await loginTo(servers[1]?.baseUrl ?? "", testPassword)).toBe("status 429");
  });
});
