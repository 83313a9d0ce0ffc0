import { expect, test, type Page } from "@playwright/test";
import { demoPassword, StoreServer } from "../support/store-server.js";

/** Sales taken offline across the two tabs. */
const salesCount = Number(process.env["E2E_OFFLINE_SALES"] ?? 20);

interface WireOrder {
  id: number;
  meta_data: { key: string; value: unknown }[];
}

let store: StoreServer;

test.beforeAll(async () => {
  store = await StoreServer.launch();
});

test.afterAll(async () => {
  await store.dispose();
});

async function logIn(page: Page): Promise<void> {
  await page.goto(store.url);
  await page.getByLabel("Username", { exact: true }).fill("cashier");
  await page.getByLabel("Password", { exact: true }).fill(demoPassword);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("searchbox", { name: "Search products" })).toBeVisible();
}

async function waitForCatalogue(page: Page): Promise<void> {
  const progress = page.getByRole("progressbar", { name: "Syncing catalogue" });
  await expect(async () => {
    const value = await progress.evaluate((bar) => [
      bar.getAttribute("aria-valuenow"),
      bar.getAttribute("aria-valuemax"),
    ]);
    expect(value[0]).not.toBeNull();
    expect(value[0]).toBe(value[1]);
  }).toPass({ timeout: 60_000 });
}

/** Adds the beanie by SKU, checks out with exact cash and waits for the pending receipt. */
async function sellOneOffline(page: Page): Promise<void> {
  const search = page.getByRole("searchbox", { name: "Search products" });
  await search.fill("woo-beanie");
  await search.press("Enter");
  await expect(
    page.getByRole("region", { name: "Cart" }).getByText("Beanie", { exact: true }),
  ).toBeVisible();
  await page.keyboard.press("F9");
  const dialog = page.getByRole("dialog", { name: "Checkout" });
  await expect(dialog.getByRole("alert")).toContainText("saved on the till");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status", { name: "Sale status" })).toContainText("pending");
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

function metaOf(order: WireOrder, key: string): string {
  const value = order.meta_data.find((entry) => entry.key === key)?.value;
  if (typeof value !== "string") throw new Error(`order ${order.id} has no ${key}`);
  return value;
}

test("an offline shift in two tabs reaches the store once per sale", async ({ context }) => {
  const first = await context.newPage();
  await logIn(first);
  await waitForCatalogue(first);
  const second = await context.newPage();
  await second.goto(store.url);
  await expect(second.getByRole("searchbox", { name: "Search products" })).toBeVisible();
  await waitForCatalogue(second);

  await context.setOffline(true);
  await store.stop();
  for (const page of [first, second]) {
    await expect(page.getByRole("status", { name: "Connection: offline" })).toBeVisible();
  }

  for (let index = 0; index < salesCount; index++) {
    const page = index % 2 === 0 ? first : second;
    await page.bringToFront();
    await sellOneOffline(page);
  }
  const outboxStatus = first.getByRole("status", { name: "Outbox status" });
  await expect(outboxStatus).toContainText(`${salesCount} sales waiting to be sent`);

  // Logging out now would strand the unsent sales.
  await first.getByRole("button", { name: "Log out" }).click();
  await expect(first.getByRole("alert")).toContainText(`${salesCount} sales are not sent`);

  await store.start();
  await context.setOffline(false);
  await expect(outboxStatus).toHaveText("All sales are sent to the store.", { timeout: 120_000 });
  await expect(second.getByRole("status", { name: "Outbox status" })).toHaveText(
    "All sales are sent to the store.",
  );

  const orders = await allOrders();
  expect(orders).toHaveLength(salesCount);
  const uuids = new Set(orders.map((order) => metaOf(order, "_pos_client_uuid")));
  expect(uuids.size).toBe(salesCount);
  const numbers = orders.map((order) => metaOf(order, "_pos_receipt_number"));
  const prefixes = new Set(numbers.map((number) => number.split("-")[0]));
  expect(prefixes.size).toBe(1);
  const sequence = numbers.map((number) => Number(number.split("-")[1])).sort((a, b) => a - b);
  expect(sequence).toEqual(Array.from({ length: salesCount }, (_, index) => index + 1));
});
