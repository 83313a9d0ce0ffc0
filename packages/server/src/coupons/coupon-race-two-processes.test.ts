import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../auth/user-store.js";
import { writeTransaction } from "../db/change-journal.js";
import { openStoreDatabase } from "../db/store-database.js";
import type { StoreDatabase } from "../db/store-database.js";
import { buildServerDist, startServerProcess } from "../test-support/server-process.js";
import type { ServerProcess } from "../test-support/server-process.js";
import { insertTestProduct } from "../test-support/test-products.js";
import { testDialects, testPassword, testPostgresUrl } from "../test-support/test-server.js";
import { couponDetailsSchema } from "./coupon-records.js";
import { insertCoupon } from "./coupon-store.js";

const ordersPerProcess = 6;

describe.runIf(testDialects.includes("postgres"))("coupon race across two processes", () => {
  const schema = `test_${randomBytes(6).toString("hex")}`;
  let store: StoreDatabase;
  let servers: ServerProcess[] = [];
  const tokens: string[] = [];
  let productId = 0;

  beforeAll(async () => {
    buildServerDist();
    store = await openStoreDatabase({ databaseUrl: testPostgresUrl, postgresSchema: schema });
    productId = await insertTestProduct(store, { sku: "RACE-2P", price: "10.00", stock: 100 });
    await writeTransaction(store.db, (trx) =>
      insertCoupon(
        trx,
        "race2",
        couponDetailsSchema.parse({ amount: "1.00", usage_limit: 1 }),
        "2026-12-04T12:00:00",
      ),
    );
    await createUser(
      store.db,
      { username: "cashier", displayName: "Cashier", role: "cashier", password: testPassword },
      "2026-12-04T00:00:00",
    );
    const databaseUrl = `${testPostgresUrl}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    const env = { DATABASE_URL: databaseUrl, TILL_DIR: "/nonexistent" };
    servers = [await startServerProcess(env), await startServerProcess(env)];
    for (const server of servers) tokens.push(await logIn(server.baseUrl));
  }, 120_000);

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await store.close();
    const client = new pg.Client({ connectionString: testPostgresUrl });
    await client.connect();
    await client.query(`drop schema ${schema} cascade`);
    await client.end();
  });

  async function logIn(baseUrl: string): Promise<string> {
    const response = await fetch(`${baseUrl}/wp-json/pos/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "cashier", password: testPassword }),
    });
    return ((await response.json()) as { access_token: string }).access_token;
  }

  async function postOrder(serverIndex: number) {
    const response = await fetch(`${servers[serverIndex]!.baseUrl}/wp-json/wc/v3/orders`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${tokens[serverIndex]}`,
      },
      body: JSON.stringify({
        set_paid: true,
        line_items: [{ product_id: productId, quantity: 1 }],
        coupon_lines: [{ code: "race2" }],
      }),
    });
    return { status: response.status, code: ((await response.json()) as { code?: string }).code };
  }

  it("grants the last use once", async () => {
    const replies = await Promise.all(
      Array.from({ length: ordersPerProcess * 2 }, (_, index) => postOrder(index % 2)),
    );

    expect(replies.filter((reply) => reply.status === 201)).toHaveLength(1);
    const rejected = replies.filter((reply) => reply.status !== 201);
    expect(rejected.map((reply) => reply.status)).toEqual(rejected.map(() => 400));
    expect(rejected.map((reply) => reply.code)).toEqual(
      rejected.map(() => "woocommerce_rest_invalid_coupon"),
    );
    const coupon = await store.db
      .selectFrom("coupons")
      .select("usage_count")
      .where("code", "=", "race2")
      .executeTakeFirstOrThrow();
    expect(coupon.usage_count).toBe(1);
    const product = await store.db
      .selectFrom("products")
      .select("stock_quantity")
      .where("id", "=", productId)
      .executeTakeFirstOrThrow();
    expect(product.stock_quantity).toBe(99);
    expect(await store.db.selectFrom("orders").select("id").execute()).toHaveLength(1);
  });
});
