import { expect, test, type Page } from "@playwright/test";
import { demoPassword, StoreServer } from "../support/store-server.js";
import { logInAndSync } from "../support/till-page.js";

interface WireOrder {
  id: number;
  status: string;
  total: string;
  discount_total: string;
  payment_method: string;
  coupon_lines: { code: string }[];
  line_items: { sku: string; subtotal: string; total: string }[];
  meta_data: { key: string; value: unknown }[];
}

interface WireProduct {
  id: number;
  stock_quantity: number | null;
}

let store: StoreServer;

// A store per test: each test's browser context is a new register, and the community edition
// signs in one register per store.
test.beforeEach(async () => {
  store = await StoreServer.launch();
});

test.afterEach(async () => {
  await store.dispose();
});

async function productBySku(sku: string): Promise<WireProduct> {
  const [product] = (await store.api(`/wc/v3/products?sku=${sku}`)) as WireProduct[];
  if (!product) throw new Error(`the demo store has no product with SKU ${sku}`);
  return product;
}

async function allOrders(): Promise<WireOrder[]> {
  return (await store.api("/wc/v3/orders?per_page=100")) as WireOrder[];
}

async function ordersWithReceipt(receiptNumber: string): Promise<WireOrder[]> {
  return (await allOrders()).filter((order) =>
    order.meta_data.some(
      (entry) => entry.key === "_pos_receipt_number" && entry.value === receiptNumber,
    ),
  );
}

/** Sets a user's PIN through pos/v1, as a manager would from Staff and devices. */
async function setPin(username: string, pin: string): Promise<void> {
  const login = await fetch(`${store.url}/wp-json/pos/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "manager", password: demoPassword }),
  });
  const { access_token: token } = (await login.json()) as { access_token: string };
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  const list = await fetch(`${store.url}/wp-json/pos/v1/cashiers`, { headers });
  const { cashiers } = (await list.json()) as { cashiers: { id: number; username: string }[] };
  const user = cashiers.find((candidate) => candidate.username === username);
  if (!user) throw new Error(`no demo user "${username}"`);
  const response = await fetch(`${store.url}/wp-json/pos/v1/users/${user.id}/pin`, {
    method: "PUT",
    headers,
    body: JSON.stringify({ pin }),
  });
  expect(response.status).toBe(200);
}

async function addBeanie(page: Page): Promise<void> {
  const search = page.getByRole("searchbox", { name: "Search products" });
  await search.fill("woo-beanie");
  await search.press("Enter");
  await expect(
    page.getByRole("region", { name: "Cart" }).getByText("Beanie", { exact: true }),
  ).toBeVisible();
}

async function applyCoupon(page: Page, code: string): Promise<void> {
  await page.getByLabel("Coupon code").fill(code);
  await page.getByRole("button", { name: "Apply coupon" }).click();
}

async function payCash(page: Page): Promise<string> {
  await page.getByRole("button", { name: "Checkout" }).click();
  await page.getByLabel("Amount tendered").fill("20");
  await page.getByRole("button", { name: "Complete sale" }).click();
  const status = page.getByRole("status", { name: "Sale status" });
  await expect(status).toContainText(/receipt/i);
  const match = /(R[A-Z0-9]+-\d{6})/.exec(await status.innerText());
  if (!match?.[1]) throw new Error(`no receipt number in "${await status.innerText()}"`);
  return match[1];
}

test("store rejects a bad coupon when entered", async ({ page, context }) => {
  await store.post("/wc/v3/coupons", {
    code: "old5",
    discount_type: "fixed_cart",
    amount: "5",
    date_expires: "2020-01-31T00:00:00",
  });
  await store.post("/wc/v3/coupons", { code: "big-spend", amount: "5", minimum_amount: "500" });
  await logInAndSync(page, store, "cashier");
  // Created after the seed, so the till has not synced it when the cashier types it.
  await store.post("/wc/v3/coupons", { code: "fresh10", discount_type: "percent", amount: "10" });
  const ordersBefore = (await allOrders()).length;
  await addBeanie(page);
  const coupons = page.getByRole("list", { name: "Coupons" });
  const alert = page.locator(".coupon-form").getByRole("alert");

  await applyCoupon(page, "nosuch");
  await expect(alert).toContainText('"nosuch" cannot be applied because it does not exist');
  await applyCoupon(page, "old5");
  await expect(alert).toContainText('"old5" expired');
  await applyCoupon(page, "big-spend");
  await expect(alert).toContainText("minimum");
  await expect(coupons).toHaveCount(0);

  // A valid code the till has not synced is confirmed by the store at once.
  await applyCoupon(page, "FRESH10");
  await expect(coupons).toHaveText(/^fresh10\s*Remove coupon fresh10$/);
  // 18.00 less 10 % is 16.20, taxed at 10 %: 1.62, total 17.82.
  await expect(page.getByLabel("Order total")).toContainText("17.82");
  expect((await allOrders()).length).toBe(ordersBefore);

  // Offline the till checks alone: a synced code is to be confirmed, an unknown one rejected.
  await page.getByRole("button", { name: "Remove coupon fresh10" }).click();
  await context.setOffline(true);
  await expect(page.getByRole("status", { name: "Connection: offline" })).toBeVisible();
  await applyCoupon(page, "nosuch");
  await expect(alert).toContainText("cannot be checked offline");
  await applyCoupon(page, "fresh10");
  await expect(coupons).toContainText("fresh10 (to be confirmed)");
  await context.setOffline(false);
  await expect(page.getByRole("status", { name: "Connection: online" })).toBeVisible({
    timeout: 60_000,
  });

  // Online, a sale with a coupon is created on the store before it completes on the till.
  await payCash(page);
  const orders = await allOrders();
  expect(orders).toHaveLength(ordersBefore + 1);
  const order = orders.find((candidate) => candidate.coupon_lines.length > 0);
  expect(order?.total).toBe("17.82");
  expect(order?.coupon_lines.map((line) => line.code)).toEqual(["fresh10"]);
});

test("manager resends a paid sale without its rejected coupon", async ({ page, context }) => {
  await store.post("/wc/v3/coupons", {
    code: "once10",
    discount_type: "percent",
    amount: "10",
    usage_limit: 1,
  });
  await setPin("manager", "97531");
  await logInAndSync(page, store, "cashier");
  const beanie = await productBySku("woo-beanie");
  const cap = await productBySku("woo-cap");

  // Offline, the synced coupon is checked on the till and the cash sale completes.
  await context.setOffline(true);
  await expect(page.getByRole("status", { name: "Connection: offline" })).toBeVisible();
  await addBeanie(page);
  await applyCoupon(page, "once10");
  await expect(page.getByRole("list", { name: "Coupons" })).toContainText(
    "once10 (to be confirmed)",
  );
  await expect(page.getByLabel("Order total")).toContainText("17.82");
  const receiptNumber = await payCash(page);

  // Meanwhile another sale on the store uses the coupon's only use.
  await store.post("/wc/v3/orders", {
    status: "completed",
    set_paid: true,
    line_items: [{ product_id: cap.id, quantity: 1 }],
    coupon_lines: [{ code: "once10" }],
  });

  await context.setOffline(false);
  const outbox = page.getByRole("region", { name: "Outbox" });
  await expect(outbox.getByRole("status", { name: "Outbox status" })).toHaveText(
    "1 sale parked by the store.",
    { timeout: 60_000 },
  );
  await expect(outbox).toContainText("usage limit");
  const resendWithout = outbox.getByRole("button", {
    name: `Resend without coupon ${receiptNumber}`,
  });

  // A cashier is asked for a manager and nothing is sent.
  await resendWithout.click();
  await expect(outbox.getByRole("alert")).toContainText("Only a manager can resend");
  expect(await ordersWithReceipt(receiptNumber)).toHaveLength(0);

  await page.getByRole("button", { name: "Switch cashier" }).click();
  const dialog = page.getByRole("dialog", { name: "Switch cashier" });
  await dialog.getByLabel("Cashier").selectOption({ label: "Morgan Manager" });
  await dialog.getByLabel("PIN", { exact: true }).fill("97531");
  await dialog.getByRole("button", { name: "Switch" }).click();
  await expect(page.getByRole("status", { name: "Current cashier" })).toHaveText("Morgan Manager");

  await resendWithout.click();
  await expect(outbox.getByRole("status", { name: "Outbox status" })).toHaveText(
    "All sales are sent to the store.",
  );
  const orders = await ordersWithReceipt(receiptNumber);
  expect(orders).toHaveLength(1);
  const [order] = orders;
  expect(order?.status).toBe("completed");
  expect(order?.total).toBe("17.82");
  expect(order?.discount_total).toBe("1.80");
  expect(order?.coupon_lines).toEqual([]);
  expect(order?.payment_method).toBe("pos_cash");
  expect(order?.line_items.map((line) => [line.subtotal, line.total])).toEqual([
    ["18.00", "16.20"],
  ]);
  const meta = new Map(order?.meta_data.map((entry) => [entry.key, entry.value]));
  expect(meta.get("_pos_rejected_coupons")).toBe("once10");
  expect(meta.has("_pos_tenders")).toBe(true);

  // The beanie's stock moved once, for this sale alone.
  expect((await productBySku("woo-beanie")).stock_quantity).toBe((beanie.stock_quantity ?? 0) - 1);
  const beanieOrders = (await allOrders()).filter((candidate) =>
    candidate.line_items.some((line) => line.sku === "woo-beanie"),
  );
  expect(beanieOrders).toHaveLength(1);
});
