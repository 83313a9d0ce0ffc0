import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { buildApp, createUser, openStoreDatabase } from "@pos/server";

interface WireOrder {
  id: number;
  meta_data: { key: string; value: unknown }[];
}

interface WireProduct {
  id: number;
  sku: string;
  stock_quantity: number | null;
}

/** A fresh SQLite store on a loopback port that also serves the benchmark page. */
export interface OutboxStore {
  baseUrl: string;
  /** The till's login: a cashier, as at a register. */
  cashier: { username: string; password: string };
  skus: readonly string[];
  /** The stock of each product before any sale. */
  stockBefore: ReadonlyMap<string, number>;
  close(): Promise<void>;
}

/** The result of comparing the store's orders and stock with the sales queued. */
export interface StoreCheck {
  ok: boolean;
  summary: string;
}

const password = "bench outbox password 1";
const createdAt = "2026-12-04T00:00:00";

/**
 * Opens a store in a temp folder with a 7.25% California tax rate, five simple products with
 * enough stock for `salesCount` one-unit sales, a manager and a cashier. It serves `pageHtml`
 * at `/bench/outbox/`, so the page calls the API from the origin the till would use.
 */
export async function openOutboxStore(pageHtml: string, salesCount: number) {
  const dataDir = await mkdtemp(path.join(tmpdir(), "pos-bench-outbox-"));
  const store = await openStoreDatabase({ dataDir });
  for (const role of ["manager", "cashier"] as const) {
    const user = { username: `bench-${role}`, displayName: `Bench ${role}`, role, password };
    await createUser(store.db, user, createdAt);
  }
  const app = await buildApp({ store, tillDir: null });
  app.get("/bench/outbox/", async (_request, reply) => reply.type("text/html").send(pageHtml));
  const baseUrl = await app.listen({ host: "127.0.0.1", port: 0 });

  const token = await logIn(app, "bench-manager");
  await send(app, token, "POST", "/wp-json/wc/v3/taxes", {
    country: "US",
    state: "CA",
    rate: "7.25",
    name: "CA State Tax",
    class: "standard",
  });
  const skus = await createProducts(app, token, Math.ceil(salesCount / 5) + 10);
  const outboxStore = {
    baseUrl,
    app,
    cashier: { username: "bench-cashier", password },
    skus,
    stockBefore: await readStock(app, token, skus),
    close: async () => {
      await app.close();
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return outboxStore satisfies OutboxStore;
}

async function createProducts(app: FastifyInstance, token: string, stockQuantity: number) {
  const create = ["Beanie", "Belt", "Cap", "Sunglasses", "T-Shirt"].map((name, index) => ({
    name,
    sku: `BENCH-OUTBOX-${index + 1}`,
    regular_price: `${12 + index * 3}.50`,
    manage_stock: true,
    stock_quantity: stockQuantity,
  }));
  await send(app, token, "POST", "/wp-json/wc/v3/products/batch", { create });
  return create.map((product) => product.sku);
}

async function logIn(app: FastifyInstance, username: string): Promise<string> {
  const body = await send(app, null, "POST", "/wp-json/pos/v1/auth/login", {
    username,
    password,
  });
  return (body as { access_token: string }).access_token;
}

async function send(
  app: FastifyInstance,
  token: string | null,
  method: "GET" | "POST",
  url: string,
  payload?: object,
): Promise<unknown> {
  const response = await app.inject({
    method,
    url,
    ...(payload ? { payload } : {}),
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  if (response.statusCode >= 300) {
    throw new Error(`${method} ${url} failed with ${response.statusCode}: ${response.body}`);
  }
  return JSON.parse(response.body) as unknown;
}

async function readStock(app: FastifyInstance, token: string, skus: readonly string[]) {
  const stock = new Map<string, number>();
  for (const sku of skus) {
    const url = `/wp-json/wc/v3/products?sku=${sku}`;
    const [product] = (await send(app, token, "GET", url)) as WireProduct[];
    if (!product) throw new Error(`the benchmark store has no product with SKU ${sku}`);
    stock.set(sku, product.stock_quantity ?? 0);
  }
  return stock;
}

/**
 * Checks the store after the drain: one order per sale, no client UUID twice, receipt numbers
 * 1 to `salesCount` without gaps, and each product's stock down by the units the page sold
 * (it cycles through `skus` in order).
 */
export async function checkStore(
  opened: Awaited<ReturnType<typeof openOutboxStore>>,
  salesCount: number,
): Promise<StoreCheck> {
  const { app, skus, stockBefore } = opened;
  const token = await logIn(app, "bench-manager");
  const orders: WireOrder[] = [];
  for (let page = 1; ; page++) {
    const url = `/wp-json/wc/v3/orders?per_page=100&page=${page}`;
    const batch = (await send(app, token, "GET", url)) as WireOrder[];
    orders.push(...batch);
    if (batch.length < 100) break;
  }

  const meta = (order: WireOrder, key: string) => {
    const value = order.meta_data.find((entry) => entry.key === key)?.value;
    return typeof value === "string" ? value : "";
  };
  const uuids = new Set(orders.map((order) => meta(order, "_pos_client_uuid")));
  const sequence = orders
    .map((order) => Number(meta(order, "_pos_receipt_number").split("-")[1]))
    .sort((a, b) => a - b);
  const gapless = sequence.every((number, index) => number === index + 1);

  const stockAfter = await readStock(app, token, skus);
  const stockErrors = skus.flatMap((sku, index) => {
    const sold = Math.floor(salesCount / skus.length) + (index < salesCount % skus.length ? 1 : 0);
    const expected = (stockBefore.get(sku) ?? 0) - sold;
    const actual = stockAfter.get(sku);
    return actual === expected ? [] : [`${sku} stock ${actual}, expected ${expected}`];
  });

  const ok =
    orders.length === salesCount &&
    uuids.size === salesCount &&
    gapless &&
    stockErrors.length === 0;
  const receipts = gapless ? `1 to ${sequence.length} without gaps` : "with gaps";
  const stock = stockErrors.length ? stockErrors.join("; ") : "stock down by the units sold";
  const summary =
    `${orders.length} orders, ${uuids.size} distinct client UUIDs, receipt numbers ` +
    `${receipts}, ${stock}${ok ? "" : "  FAIL"}`;
  return { ok, summary };
}
