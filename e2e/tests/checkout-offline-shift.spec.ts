import { expect, test, type BrowserContext, type Page, type Request } from "@playwright/test";
import { StoreServer } from "../support/store-server.js";
import { logInAndSync, waitForCatalogue } from "../support/till-page.js";

/** Simple products of the demo store, sold in turn. Each starts with 50 units in stock. */
const products = [
  { sku: "woo-beanie", name: "Beanie" },
  { sku: "woo-belt", name: "Belt" },
  { sku: "woo-cap", name: "Cap" },
  { sku: "woo-sunglasses", name: "Sunglasses" },
  { sku: "woo-tshirt", name: "T-Shirt" },
] as const;

/** Sales taken offline across the two tabs; `E2E_OFFLINE_SALES` sets a shorter shift. */
const salesCount = readSalesCount(process.env["E2E_OFFLINE_SALES"] ?? "200");

interface WireOrder {
  id: number;
  meta_data: { key: string; value: unknown }[];
}

interface WireProduct {
  sku: string;
  stock_quantity: number | null;
}

/** One `POST wc/v3/orders` seen in the browser context, with the tab that sent it. */
interface OrderPost {
  clientUuid: string;
  sender: Page;
  /** The order id of a 2xx response; null for a failed request or an error status. */
  orderId: number | null;
}

let store: StoreServer;

test.beforeAll(async () => {
  store = await StoreServer.launch();
});

test.afterAll(async () => {
  await store.dispose();
});

function readSalesCount(text: string): number {
  const count = Number(text);
  const maxCount = products.length * 50;
  if (!Number.isInteger(count) || count < 1 || count > maxCount) {
    throw new Error(
      `E2E_OFFLINE_SALES is "${text}": set a whole number from 1 to ${maxCount}, ` +
        "because the demo stock has 50 units of each product sold",
    );
  }
  return count;
}

/** Scans a product's SKU into the search box, pays exact cash and waits for the pending receipt. */
async function sellOneOffline(page: Page, product: (typeof products)[number]): Promise<void> {
  const search = page.getByRole("searchbox", { name: "Search products" });
  await search.fill(product.sku);
  await search.press("Enter");
  await expect(
    page.getByRole("region", { name: "Cart" }).getByText(product.name, { exact: true }),
  ).toBeVisible();
  await page.keyboard.press("F9");
  const dialog = page.getByRole("dialog", { name: "Checkout" });
  await expect(dialog.getByRole("alert")).toContainText("saved on the till");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status", { name: "Sale status" })).toContainText("pending");
}

/** Records every order creation the tabs of `context` send, with the store's response. */
function watchOrderPosts(context: BrowserContext): OrderPost[] {
  const posts: OrderPost[] = [];
  const isOrderPost = (request: Request) =>
    request.method() === "POST" && new URL(request.url()).pathname === "/wp-json/wc/v3/orders";

  context.on("requestfinished", (request) => {
    if (!isOrderPost(request)) return;
    void request.response().then(async (response) => {
      const ok = response !== null && response.ok();
      const body = ok ? ((await response.json()) as { id: number }) : null;
      posts.push(orderPost(request, body?.id ?? null));
    });
  });
  context.on("requestfailed", (request) => {
    if (isOrderPost(request)) posts.push(orderPost(request, null));
  });
  return posts;
}

function orderPost(request: Request, orderId: number | null): OrderPost {
  const body = request.postDataJSON() as WireOrder;
  return { clientUuid: metaOf(body, "_pos_client_uuid"), sender: request.frame().page(), orderId };
}

/** Reads every order on the store, page by page. */
async function allOrders(): Promise<WireOrder[]> {
  const orders: WireOrder[] = [];
  for (let page = 1; ; page++) {
    const batch = (await store.api(`/wc/v3/orders?per_page=100&page=${page}`)) as WireOrder[];
    orders.push(...batch);
    if (batch.length < 100) return orders;
  }
}

async function stockBySku(): Promise<Map<string, number | null>> {
  const stock = new Map<string, number | null>();
  for (const product of products) {
    const [record] = (await store.api(`/wc/v3/products?sku=${product.sku}`)) as WireProduct[];
    if (!record) throw new Error(`the demo store has no product with SKU ${product.sku}`);
    stock.set(product.sku, record.stock_quantity);
  }
  return stock;
}

function metaOf(order: Pick<WireOrder, "meta_data">, key: string): string {
  const value = order.meta_data.find((entry) => entry.key === key)?.value;
  if (typeof value !== "string") throw new Error(`the order has no ${key} meta value`);
  return value;
}

/** Groups receipt numbers such as "R7KQ2-000042" by register prefix, each sequence sorted. */
function sequencesByRegister(numbers: readonly string[]): Map<string, number[]> {
  const sequences = new Map<string, number[]>();
  for (const number of numbers) {
    const [prefix = "", sequence = ""] = number.split("-");
    sequences.set(prefix, [...(sequences.get(prefix) ?? []), Number(sequence)]);
  }
  for (const list of sequences.values()) list.sort((a, b) => a - b);
  return sequences;
}

test("offline shift in two tabs reaches the store once per sale", async ({ context }) => {
  test.setTimeout(360_000);
  const stockBefore = await stockBySku();
  const first = await context.newPage();
  await logInAndSync(first, store, "cashier");
  const second = await context.newPage();
  await second.goto(store.url);
  await expect(second.getByRole("searchbox", { name: "Search products" })).toBeVisible();
  await waitForCatalogue(second);

  await context.setOffline(true);
  await store.stop();
  for (const page of [first, second]) {
    await expect(page.getByRole("status", { name: "Connection: offline" })).toBeVisible();
  }

  const soldBySku = new Map<string, number>();
  for (let index = 0; index < salesCount; index++) {
    const page = index % 2 === 0 ? first : second;
    const product = products[index % products.length]!;
    await page.bringToFront();
    await sellOneOffline(page, product);
    soldBySku.set(product.sku, (soldBySku.get(product.sku) ?? 0) + 1);
  }
  const outboxStatus = first.getByRole("status", { name: "Outbox status" });
  await expect(outboxStatus).toContainText(`${salesCount} sales waiting to be sent`);

  // Logging out now would strand the unsent sales.
  await first.getByRole("button", { name: "Log out" }).click();
  await expect(first.getByRole("alert")).toContainText(`${salesCount} sales are not sent`);

  const posts = watchOrderPosts(context);
  await store.start();
  await context.setOffline(false);
  await expect(outboxStatus).toHaveText("All sales are sent to the store.", { timeout: 180_000 });
  await expect(second.getByRole("status", { name: "Outbox status" })).toHaveText(
    "All sales are sent to the store.",
  );

  const orders = await allOrders();
  expect(orders).toHaveLength(salesCount);
  const uuids = new Set(orders.map((order) => metaOf(order, "_pos_client_uuid")));
  expect(uuids.size).toBe(salesCount);

  const sequences = sequencesByRegister(
    orders.map((order) => metaOf(order, "_pos_receipt_number")),
  );
  expect(sequences.size).toBe(1);
  for (const sequence of sequences.values()) {
    expect(sequence).toEqual(Array.from({ length: salesCount }, (_, index) => index + 1));
  }

  const stockAfter = await stockBySku();
  for (const product of products) {
    const expected = (stockBefore.get(product.sku) ?? 0) - (soldBySku.get(product.sku) ?? 0);
    expect(stockAfter.get(product.sku), product.sku).toBe(expected);
  }

  // One tab sent them all, and a create sent again got the order it created the first time.
  await expect.poll(() => new Set(posts.map((post) => post.clientUuid)).size).toBe(salesCount);
  expect(new Set(posts.map((post) => post.sender)).size).toBe(1);
  const orderIdsByUuid = new Map<string, Set<number>>();
  for (const post of posts) {
    if (post.orderId === null) continue;
    const ids = orderIdsByUuid.get(post.clientUuid) ?? new Set<number>();
    orderIdsByUuid.set(post.clientUuid, ids.add(post.orderId));
  }
  for (const [uuid, ids] of orderIdsByUuid) expect(ids.size, uuid).toBe(1);
  expect(orderIdsByUuid.size).toBe(salesCount);
});
