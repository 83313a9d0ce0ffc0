import { expect, test, type Page } from "@playwright/test";
import { FaultProxy, type Fault } from "../../packages/sync/src/outbox/fault-proxy.js";
import { demoPassword, StoreServer } from "../support/store-server.js";
import { waitForCatalogue } from "../support/till-page.js";

interface WireOrder {
  id: number;
  number: string;
  status: string;
  meta_data: { key: string; value: unknown }[];
}

interface PaidOrder extends WireOrder {
  date_paid: string | null;
  payment_method: string;
}

interface WireProduct {
  stock_quantity: number | null;
}

let store: StoreServer;
let proxy: FaultProxy | null = null;

// A store per test: each test's browser context is a new register, and the community edition
// signs in one register per store.
test.beforeEach(async () => {
  store = await StoreServer.launch();
});

test.afterEach(async () => {
  await proxy?.close();
  proxy = null;
  await store.dispose();
});

/** Starts a fault proxy in front of the store; a till loaded from its address goes through it. */
async function startProxy(faults: Fault[]): Promise<string> {
  proxy = new FaultProxy(store.url);
  proxy.faults.push(...faults);
  return proxy.listen();
}

async function logIn(page: Page, url: string, username = "cashier"): Promise<void> {
  await page.goto(url);
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(demoPassword);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("searchbox", { name: "Search products" })).toBeVisible();
  await waitForCatalogue(page);
}

/** Scans the beanie into the cart and opens checkout; cash is the preselected tender. */
async function beanieAtCheckout(page: Page): Promise<void> {
  const search = page.getByRole("searchbox", { name: "Search products" });
  await search.fill("woo-beanie");
  await search.press("Enter");
  await expect(beanieInCart(page)).toBeVisible();
  await page.keyboard.press("F9");
  await expect(page.getByRole("dialog", { name: "Checkout" })).toBeVisible();
}

function beanieInCart(page: Page) {
  return page.getByRole("region", { name: "Cart" }).getByText("Beanie", { exact: true });
}

async function beanieStock(): Promise<number | null> {
  const [product] = (await store.api("/wc/v3/products?sku=woo-beanie")) as WireProduct[];
  if (!product) throw new Error("the demo store has no product with SKU woo-beanie");
  return product.stock_quantity;
}

async function ordersWithReceipt(receiptNumber: string): Promise<WireOrder[]> {
  const orders = (await store.api("/wc/v3/orders?per_page=100")) as WireOrder[];
  return orders.filter((order) =>
    order.meta_data.some(
      (entry) => entry.key === "_pos_receipt_number" && entry.value === receiptNumber,
    ),
  );
}

async function orderCount(): Promise<number> {
  return ((await store.api("/wc/v3/orders?per_page=100")) as WireOrder[]).length;
}

/** Reads the receipt number, such as "R7KQ2-000001", from the receipt of the sale just taken. */
async function receiptNumberOnScreen(page: Page): Promise<string> {
  const status = page.getByRole("status", { name: "Sale status" });
  await expect(status).toContainText("Receipt");
  const match = /(R[A-Z0-9]+-\d{6})/.exec(await status.innerText());
  if (!match?.[1]) throw new Error(`no receipt number in "${await status.innerText()}"`);
  return match[1];
}

const reloadCases: { name: string; fault: Fault }[] = [
  { name: "before the order reached the store", fault: { kind: "holdRequest" } },
  { name: "after the store committed it", fault: { kind: "delayReply", delayMs: 120_000 } },
];

for (const { name, fault } of reloadCases) {
  test(`reload while sending ${name} keeps one order`, async ({ page }) => {
    const url = await startProxy([fault]);
    await logIn(page, url);
    const stockBefore = await beanieStock();
    await beanieAtCheckout(page);
    await page.getByRole("button", { name: "Complete sale" }).click();
    const receiptNumber = await receiptNumberOnScreen(page);
    await expect.poll(() => proxy?.orderPosts).toBe(1);

    await page.reload();
    await expect(page.getByRole("searchbox", { name: "Search products" })).toBeVisible();
    await expect.poll(async () => (await ordersWithReceipt(receiptNumber)).length).toBe(1);
    await expect(page.getByRole("status", { name: "Outbox status" })).toHaveText(
      "All sales are sent to the store.",
    );

    const orders = await ordersWithReceipt(receiptNumber);
    expect(orders).toHaveLength(1);
    expect(orders[0]?.status).toBe("completed");
    expect(proxy?.orderPosts).toBe(2);
    expect(await beanieStock()).toBe((stockBefore ?? 0) - 1);

    await page
      .getByRole("navigation", { name: "Screens" })
      .getByRole("button", { name: "Orders" })
      .click();
    const onTill = page.getByRole("region", { name: "Orders on this till" }).getByRole("button");
    await expect(onTill).toHaveCount(1);
    await expect(onTill).toContainText(`Order ${orders[0]?.number}`);
  });
}

/**
 * Fills what is left of the origin's quota with records of 1 MiB down to 256 bytes in a
 * database of its own, until IndexedDB rejects even the smallest with QuotaExceededError.
 * The bytes are random because Chromium compresses what IndexedDB stores. Returns how many
 * bytes it stored.
 */
async function fillQuota(page: Page, databaseName: string): Promise<number> {
  return page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, 1);
      request.onupgradeneeded = () => request.result.createObjectStore("filler");
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error(`opening ${name} failed`));
    });
    const put = (bytes: number, key: string) =>
      new Promise<boolean>((resolve, reject) => {
        const transaction = db.transaction("filler", "readwrite");
        const value = new Uint8Array(bytes);
        // getRandomValues fills at most 65,536 bytes per call.
        for (let offset = 0; offset < bytes; offset += 65_536) {
          crypto.getRandomValues(value.subarray(offset, offset + 65_536));
        }
        transaction.objectStore("filler").put(value, key);
        transaction.oncomplete = () => resolve(true);
        transaction.onabort = () => {
          if (transaction.error?.name === "QuotaExceededError") resolve(false);
          else reject(transaction.error ?? new Error("the filler write aborted"));
        };
      });
    let stored = 0;
    for (const bytes of [1 << 20, 1 << 16, 1 << 10, 1 << 8]) {
      // Bounded: the test's quota is 32 MiB, so no size needs more than 64 rounds. Random keys
      // let a second call add to what the first stored.
      for (let round = 0; round < 64 && (await put(bytes, crypto.randomUUID())); round++) {
        stored += bytes;
      }
    }
    db.close();
    return stored;
  }, databaseName);
}

test("full storage while saving keeps the cart and sends nothing", async ({ page, context }) => {
  // A small quota for the till's origin, set before the till stores anything, which the test
  // then fills for real: the next IndexedDB commit fails as on a device whose disk is full.
  const cdp = await context.newCDPSession(page);
  const origin = new URL(store.url).origin;
  await cdp.send("Storage.overrideQuotaForOrigin", { origin, quotaSize: 32 * 1024 * 1024 });
  await logIn(page, store.url);
  const ordersBefore = await orderCount();
  const stockBefore = await beanieStock();
  await beanieAtCheckout(page);
  expect(await fillQuota(page, "fill-quota")).toBeGreaterThan(0);
  // In one CI run the sale was saved after the fill, so space had been freed in between (the
  // catalogue rewrites rows while it seeds, and Chromium reclaims the old ones later). The
  // quota is topped up until, a second later, nothing more fits.
  await expect
    .poll(async () => fillQuota(page, "fill-quota"), { intervals: [1_000], timeout: 30_000 })
    .toBe(0);

  await page.getByRole("button", { name: "Complete sale" }).click();
  const dialog = page.getByRole("dialog", { name: "Checkout" });
  await expect(dialog.getByRole("alert")).toContainText("The sale was not saved");
  await expect(dialog.getByRole("alert")).toContainText("QuotaExceededError");
  await expect(dialog).toBeVisible();
  await expect(beanieInCart(page)).toBeVisible();
  await expect(page.getByRole("status", { name: "Sale status" })).toHaveCount(0);
  await expect(page.getByRole("status", { name: "Outbox status" })).toHaveText(
    "All sales are sent to the store.",
  );
  expect(await orderCount()).toBe(ordersBefore);

  // With space again, the same sale completes and takes the first receipt number.
  await page.evaluate((name) => indexedDB.deleteDatabase(name), "fill-quota");
  await page.getByRole("button", { name: "Complete sale" }).click();
  const receiptNumber = await receiptNumberOnScreen(page);
  expect(receiptNumber).toMatch(/-000001$/);
  await expect.poll(async () => (await ordersWithReceipt(receiptNumber)).length).toBe(1);
  await expect(page.getByRole("status", { name: "Outbox status" })).toHaveText(
    "All sales are sent to the store.",
  );
  expect(await orderCount()).toBe(ordersBefore + 1);
  expect(await beanieStock()).toBe((stockBefore ?? 0) - 1);
});

test("parked sales can be resent or discarded", async ({ page }) => {
  const url = await startProxy([{ kind: "reject400" }, { kind: "reject400" }]);
  await logIn(page, url, "manager");
  const ordersBefore = await orderCount();
  const stockBefore = await beanieStock();
  const receiptNumbers: string[] = [];
  for (let sale = 0; sale < 2; sale++) {
    await beanieAtCheckout(page);
    await page.getByRole("button", { name: "Complete sale" }).click();
    receiptNumbers.push(await receiptNumberOnScreen(page));
  }
  const [resent = "", discarded = ""] = receiptNumbers;

  const outbox = page.getByRole("region", { name: "Outbox" });
  await expect(outbox.getByRole("status", { name: "Outbox status" })).toHaveText(
    "2 sales parked by the store.",
  );
  await expect(outbox.getByText("Injected rejection")).toHaveCount(2);

  // Logging out would strand the parked sales.
  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "not sent" })).toContainText(
    "2 sales are not sent",
  );

  await outbox.getByRole("button", { name: `Resend ${resent}` }).click();
  await expect.poll(async () => (await ordersWithReceipt(resent)).length).toBe(1);
  await outbox.getByRole("button", { name: `Discard ${discarded}` }).click();
  await expect(outbox.getByRole("status", { name: "Outbox status" })).toHaveText(
    "All sales are sent to the store.",
  );

  expect(await orderCount()).toBe(ordersBefore + 1);
  expect(await ordersWithReceipt(discarded)).toHaveLength(0);
  expect(await beanieStock()).toBe((stockBefore ?? 0) - 1);
  expect(proxy?.orderPosts).toBe(3);
});

test("saved open order paid offline ends paid once", async ({ page, context }) => {
  await logIn(page, store.url);
  const stockBefore = await beanieStock();
  const search = page.getByRole("searchbox", { name: "Search products" });
  await search.fill("woo-beanie");
  await search.press("Enter");
  await expect(beanieInCart(page)).toBeVisible();
  await page.getByRole("button", { name: "Park order" }).click();
  const save = page.getByRole("button", { name: /^Save .* to the store$/ });
  await save.click();
  await expect(save).toBeDisabled();
  const [saved] = (await store.api("/wc/v3/orders?per_page=100")) as WireOrder[];
  expect(saved?.status).toBe("pos-open");

  await page.getByRole("button", { name: /^Resume / }).click();
  // Resuming reads the order back from the device, and F9 on an empty cart does nothing.
  await expect(beanieInCart(page)).toBeVisible();
  await context.setOffline(true);
  await page.keyboard.press("F9");
  await expect(page.getByRole("dialog", { name: "Checkout" })).toBeVisible();
  await page.getByRole("button", { name: "Complete sale" }).click();
  await expect(page.getByRole("status", { name: "Sale status" })).toContainText("pending");
  await page.reload();
  await expect(page.getByRole("heading", { name: "Open orders (0)" })).toBeVisible();
  await context.setOffline(false);

  await expect
    .poll(async () => ((await store.api(`/wc/v3/orders/${saved?.id}`)) as WireOrder).status)
    .toBe("completed");
  await expect(page.getByRole("status", { name: "Outbox status" })).toHaveText(
    "All sales are sent to the store.",
  );
  const orders = (await store.api("/wc/v3/orders?per_page=100")) as PaidOrder[];
  expect(orders).toHaveLength(1);
  expect(orders[0]?.id).toBe(saved?.id);
  expect(orders[0]?.date_paid).not.toBeNull();
  expect(orders[0]?.payment_method).toBe("pos_cash");
  expect(await beanieStock()).toBe((stockBefore ?? 0) - 1);
});
