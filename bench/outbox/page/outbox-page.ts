import {
  mapWcProduct,
  mapWcTaxRate,
  PosApi,
  wcProductSchema,
  wcTaxRateSchema,
  WooClient,
  type PosStore,
} from "@pos/woo";
import type { Product, TaxRate } from "@pos/core";
import { lineFromCatalog } from "../../../apps/pos/src/cart/line-from-catalog.js";
import { OrderStore } from "../../../apps/pos/src/cart/order-store.js";
import { totalOrder } from "../../../apps/pos/src/cart/cart-totals.js";
import { completeSale } from "../../../apps/pos/src/checkout/complete-sale.js";
import { buildOrderRequest } from "../../../apps/pos/src/checkout/order-request.js";
import { settleTenders } from "../../../apps/pos/src/checkout/tenders.js";
import { SalesDb } from "../../../apps/pos/src/db/sales-db.js";
import { createTillOutbox } from "../../../apps/pos/src/outbox/till-outbox.js";

interface Till {
  client: WooClient;
  store: PosStore;
  taxRates: TaxRate[];
  db: SalesDb;
}

let till: Till | null = null;
/** Time spent waiting for responses to `POST wc/v3/orders`, summed over the requests, in ms. */
let orderRequestMs = 0;

const timedFetch: typeof fetch = async (input, init) => {
  const startedMs = performance.now();
  try {
    return await fetch(input, init);
  } finally {
    const url = input instanceof Request ? input.url : input.toString();
    if (init?.method === "POST" && url.includes("/wc/v3/orders")) {
      orderRequestMs += performance.now() - startedMs;
    }
  }
};

function requireTill(): Till {
  if (!till) throw new Error("call bench.login first");
  return till;
}

async function readProduct(client: WooClient, sku: string): Promise<Product> {
  const response = await client.request({
    route: "wc/v3/products",
    query: { sku },
    schema: wcProductSchema.array(),
  });
  const [wire] = response.data;
  if (!wire) throw new Error(`the store has no product with SKU ${sku}`);
  return mapWcProduct(wire);
}

/** The steps the Node runner drives with `page.evaluate`, one at a time. */
const bench = {
  /** Logs in and reads the store's settings and tax rates, as the till does at login. */
  async login(username: string, password: string): Promise<void> {
    const baseUrl = location.origin;
    const tokens = await new PosApi(new WooClient({ baseUrl })).login({ username, password });
    const client = new WooClient({
      baseUrl,
      fetch: timedFetch,
      auth: { kind: "bearer", getToken: () => tokens.access_token },
    });
    const store = await new PosApi(client).store();
    const taxes = await client.request({
      route: "wc/v3/taxes",
      query: { per_page: 100 },
      schema: wcTaxRateSchema.array(),
    });
    const db = new SalesDb(`bench-outbox-${Date.now()}`);
    till = { client, store, taxRates: taxes.data.map(mapWcTaxRate), db };
  },

  /**
   * Takes `count` one-line cash sales offline with the till's own order store and checkout
   * (`completeSale`), cycling through `skus`. Returns the time it took, in ms.
   */
  async queueSales(count: number, skus: readonly string[]): Promise<number> {
    const { client, store, taxRates, db } = requireTill();
    const products = await Promise.all(skus.map((sku) => readProduct(client, sku)));
    const orders = new OrderStore(db);
    const startedMs = performance.now();

    for (let index = 0; index < count; index++) {
      const product = products[index % products.length]!;
      const open = await orders.startOrder();
      const line = lineFromCatalog(product, null, store);
      const order = await orders.apply(open.clientUuid, { type: "addLine", line });
      const cart = totalOrder(order, { store, taxRates });
      const totalMinor = cart.totals.total;
      const tenders = settleTenders(totalMinor, [
        { kind: "cash", amountMinor: totalMinor, reference: null },
      ]);
      await completeSale(db, {
        clientUuid: order.clientUuid,
        tenders,
        totalMinor,
        currency: store.currency,
        nowMs: Date.now(),
        buildBody: (receiptNumber) =>
          buildOrderRequest(order, cart.input, cart.totals, store.decimals, {
            tenders,
            receiptNumber,
          }),
        server: null,
      });
    }
    return performance.now() - startedMs;
  },

  /**
   * Starts the till's outbox (Web Locks election included) and waits until every queued sale
   * is sent, one parks, or `timeoutMs` passes. Returns the outbox's counts, the drain time and
   * the time spent waiting for the store's responses, in ms.
   */
  async drain(timeoutMs: number) {
    const { client, db } = requireTill();
    const outbox = createTillOutbox(db, client);
    const unsentAtStart = (await outbox.status()).pending;
    orderRequestMs = 0;
    const startedMs = performance.now();
    const stop = outbox.start();

    // A count of one index every 20 ms; the status with every record would cost more.
    const sentCount = () => db.outbox.where("state").equals("sent").count();
    const parkedCount = () => db.outbox.where("state").equals("parked").count();
    let sent = await sentCount();
    while (sent < unsentAtStart && performance.now() - startedMs < timeoutMs) {
      if ((await parkedCount()) > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
      sent = await sentCount();
    }
    const drainMs = performance.now() - startedMs;
    await stop();
    const status = await outbox.status();
    return {
      drainMs,
      orderRequestMs,
      sent: status.sent,
      pending: status.pending,
      parked: status.parked,
    };
  },
};

export type Bench = typeof bench;

(window as unknown as { bench: Bench }).bench = bench;
