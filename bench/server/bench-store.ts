import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { buildApp, createUser, openStoreDatabase } from "@pos/server";
import type { StoreDatabase } from "@pos/server";
import { sql } from "kysely";

export type BenchDialect = "sqlite" | "postgres";

export interface BenchStore {
  baseUrl: string;
  authorization: string;
  productIds: number[];
  close(): Promise<void>;
}

const postgresUrl = process.env["BENCH_DATABASE_URL"] ?? "postgres://postgres@127.0.0.1:5432/test";
const password = "bench password 1";

/**
 * Opens a fresh store on the dialect (a temp folder, or a new PostgreSQL schema) with 2,020
 * simple products in 5 categories, a 7.25% tax rate and a 10% coupon, like the WooCommerce store
 * the reference figures come from, and serves it on a free loopback port.
 */
export async function openBenchStore(dialect: BenchDialect): Promise<BenchStore> {
  const opened = await openFresh(dialect);
  const app = await buildApp({ store: opened.store, tillDir: null });
  await app.listen({ host: "127.0.0.1", port: 0 });
  const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const call = async (method: string, url: string, body?: unknown, authorization?: string) => {
    const response = await fetch(`${baseUrl}${url}`, {
      method,
      headers: {
        "content-type": "application/json",
        ...(authorization === undefined ? {} : { authorization }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.status >= 300) throw new Error(`${method} ${url}: ${await response.text()}`);
    return (await response.json()) as Record<string, unknown>;
  };
  await createUser(
    opened.store.db,
    { username: "bench", displayName: "Bench", role: "administrator", password },
    "2026-12-04T00:00:00",
  );
  const login = await call("POST", "/wp-json/pos/v1/auth/login", { username: "bench", password });
  const authorization = `Bearer ${String(login["access_token"])}`;
  await call(
    "POST",
    "/wp-json/wc/v3/taxes",
    {
      country: "US",
      state: "CA",
      rate: "7.25",
      name: "CA State Tax",
      class: "standard",
    },
    authorization,
  );
  await call(
    "POST",
    "/wp-json/wc/v3/coupons",
    {
      code: "pos10",
      discount_type: "percent",
      amount: "10",
    },
    authorization,
  );
  const productIds = await seedProducts(call, authorization);
  return {
    baseUrl,
    authorization,
    productIds,
    close: async () => {
      await app.close();
      await opened.close();
    },
  };
}

type Call = (
  method: string,
  url: string,
  body?: unknown,
  authorization?: string,
) => Promise<Record<string, unknown>>;

async function seedProducts(call: Call, authorization: string): Promise<number[]> {
  const categoryIds: number[] = [];
  for (const name of ["Apparel Basics", "Gifts", "Home Goods", "Kitchen", "Stationery"]) {
    const category = await call(
      "POST",
      "/wp-json/wc/v3/products/categories",
      { name },
      authorization,
    );
    categoryIds.push(Number(category["id"]));
  }
  const ids: number[] = [];
  for (let batch = 0; batch < 2020 / 101; batch++) {
    const create = Array.from({ length: 101 }, (_, index) => {
      const number = batch * 101 + index + 1;
      return {
        name: `Bench product ${number}`,
        sku: `BENCH-${String(number).padStart(5, "0")}`,
        regular_price: `${(number % 97) + 1}.${String(number % 100).padStart(2, "0")}`,
        manage_stock: true,
        stock_quantity: 1_000_000,
        categories: [{ id: categoryIds[number % categoryIds.length] }],
        description: "<p>A product of the benchmark catalogue.</p>",
      };
    });
    for (const part of [create.slice(0, 100), create.slice(100)]) {
      const reply = await call(
        "POST",
        "/wp-json/wc/v3/products/batch",
        { create: part },
        authorization,
      );
      for (const item of reply["create"] as { id: number }[]) ids.push(item.id);
    }
  }
  return ids;
}

async function openFresh(
  dialect: BenchDialect,
): Promise<{ store: StoreDatabase; close(): Promise<void> }> {
  if (dialect === "sqlite") {
    const dataDir = await mkdtemp(path.join(tmpdir(), "pos-bench-"));
    const store = await openStoreDatabase({ dataDir });
    return {
      store,
      close: async () => {
        await store.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  }
  const schema = `bench_${randomBytes(6).toString("hex")}`;
  const store = await openStoreDatabase({ databaseUrl: postgresUrl, postgresSchema: schema });
  return {
    store,
    close: async () => {
      await sql.raw(`drop schema ${schema} cascade`).execute(store.db);
      await store.close();
    },
  };
}
