/// <reference types="node" />
import "fake-indexeddb/auto";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { WooClient } from "@pos/woo";
import { afterEach, describe, expect, it, vi } from "vitest";
import { OrderStore } from "../cart/order-store.js";
import { newLine } from "../cart/test-orders.js";
import { completeSale } from "../checkout/complete-sale.js";
import { SalesDb } from "../db/sales-db.js";
import { MemoryLocks } from "../../../../packages/sync/src/test-support/memory-locks.js";
import { createTillOutbox } from "./till-outbox.js";

/** WooCommerce 11's response to `POST wc/v3/orders` with set_paid, as recorded. */
const recordedOrder = (
  JSON.parse(
    readFileSync(
      new URL(
        "../../../../packages/woo/test-fixtures/37-order-create-set-paid.json",
        import.meta.url,
      ),
      "utf8",
    ),
  ) as { response: { body: { id: number; number: string } } }
).response.body;

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Serves the recorded order for every POST, and counts the requests. */
async function startStore(): Promise<{ url: string; posts: () => number }> {
  let posts = 0;
  const server: Server = createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      if (request.method === "POST") posts += 1;
      response.writeHead(201, { "content-type": "application/json" });
      response.end(JSON.stringify(recordedOrder));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, posts: () => posts };
}

describe("createTillOutbox", () => {
  it("gives a sent sale the store's id and number", async () => {
    const store = await startStore();
    const db = new SalesDb(`till-outbox-${crypto.randomUUID()}`);
    cleanups.push(() => db.delete());
    const orders = new OrderStore(db);
    const order = await orders.startOrder();
    await orders.apply(order.clientUuid, { type: "addLine", line: newLine() });
    await completeSale(db, {
      clientUuid: order.clientUuid,
      tenders: [
        { method: "pos_cash", title: "Cash", amountMinor: 1800, changeMinor: 0, reference: null },
      ],
      totalMinor: 1800,
      currency: "USD",
      nowMs: 1_000,
      buildBody: () => ({ line_items: [{ product_id: 10, quantity: 1 }] }),
      server: null,
    });
    const stockRefreshes = vi.fn();
    const outbox = createTillOutbox(db, new WooClient({ baseUrl: store.url }), {
      onStockChanged: stockRefreshes,
      locks: new MemoryLocks(),
    });
    cleanups.push(outbox.start());

    await vi.waitFor(async () =>
      expect((await orders.get(order.clientUuid)).receipt?.serverId).toBe(recordedOrder.id),
    );
    const sent = await orders.get(order.clientUuid);
    expect(sent.receipt?.number).toBe(recordedOrder.number);
    expect(sent.receipt?.syncState).toBe("sent");
    expect(sent.receipt?.localNumber).toMatch(/-000001$/);
    expect(store.posts()).toBe(1);
    expect(stockRefreshes).toHaveBeenCalledTimes(1);
  });
});
