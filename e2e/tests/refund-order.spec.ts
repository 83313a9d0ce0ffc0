import { expect, test, type Page } from "@playwright/test";
import { StoreServer } from "../support/store-server.js";
import { logInAndSync } from "../support/till-page.js";

interface WireRefund {
  id: number;
  amount: string;
}

interface WireStockRecord {
  stock_quantity: number | null;
}

let store: StoreServer;

test.beforeAll(async () => {
  store = await StoreServer.launch();
});

test.afterAll(async () => {
  await store.dispose();
});

function logInAsManager(page: Page): Promise<void> {
  return logInAndSync(page, store, "manager");
}

/** Sells `quantity` beanies (18.00 each, 10 % tax) for cash and waits for the store's number. */
async function sellBeanies(page: Page, quantity: number, tendered: string): Promise<void> {
  await page.getByRole("searchbox", { name: "Search products" }).focus();
  await page.keyboard.type("woo-beanie", { delay: 8 });
  await page.keyboard.press("Enter");
  const cart = page.getByRole("region", { name: "Cart" });
  await cart.getByRole("spinbutton", { name: "Quantity" }).fill(String(quantity));
  await page.getByRole("button", { name: "Checkout" }).click();
  await page.getByLabel("Amount tendered").fill(tendered);
  await page.getByRole("button", { name: "Complete sale" }).click();
  await expect(page.getByText(/Order #\d+/)).toBeVisible();
  await page.getByRole("button", { name: "New sale" }).click();
}

async function beanieStock(): Promise<number | null> {
  const products = (await store.api("/wc/v3/products?sku=woo-beanie")) as WireStockRecord[];
  return products[0]!.stock_quantity;
}

test("refunds by line and by amount, and not offline", async ({ page, context }) => {
  await logInAsManager(page);
  const stockBefore = await beanieStock();
  // 3 × 18.00 = 54.00, tax 10 % 5.40, total 59.40.
  await sellBeanies(page, 3, "60");

  await page
    .getByRole("navigation", { name: "Screens" })
    .getByRole("button", { name: "Orders" })
    .click();
  await page
    .getByRole("region", { name: "Orders on this till" })
    .getByRole("button")
    .first()
    .click();
  const refundable = page.getByLabel("Still refundable");
  await expect(refundable).toContainText("59.40");

  // By line: 2 beanies back to stock, 2 × 19.80 = 39.60.
  await page.getByLabel(/Refund quantity of Beanie/).fill("2");
  await page.getByLabel("Reason").fill("damaged");
  await page.getByLabel("Refund to").selectOption("pos_cash");
  await page.getByRole("button", { name: /^Refund \(at most/ }).click();
  await expect(refundable).toContainText("19.80");
  expect(await beanieStock()).toBe(stockBefore! - 3 + 2);

  // By amount above the 19.80 left: the store rejects it with its message, and refunds nothing.
  await page.getByRole("radio", { name: "Amount" }).check();
  await page.getByLabel("Refund amount").fill("50");
  await page.getByLabel("Reason").fill("goodwill");
  await page.getByRole("button", { name: /^Refund \(at most/ }).click();
  await expect(page.getByRole("alert")).toContainText("Invalid refund amount.");
  await expect(page.getByRole("alert")).toContainText("at most 19.80 can be refunded");

  // A zero amount is refused on the till and sends nothing.
  await page.getByLabel("Refund amount").fill("0");
  await page.getByRole("button", { name: /^Refund \(at most/ }).click();
  await expect(page.getByRole("alert")).toContainText("is not above zero");

  // By amount within what is left.
  await page.getByLabel("Refund amount").fill("19.80");
  await page.getByRole("button", { name: /^Refund \(at most/ }).click();
  await expect(refundable).toContainText("0.00");

  const orders = (await store.api("/wc/v3/orders?per_page=1")) as { id: number }[];
  const refunds = (await store.api(`/wc/v3/orders/${orders[0]!.id}/refunds`)) as WireRefund[];
  expect(refunds.map((refund) => refund.amount).sort()).toEqual(["19.80", "39.60"]);

  // Offline the refund button explains itself and nothing is sent or queued.
  await context.setOffline(true);
  await expect(page.getByRole("status", { name: "Connection: offline" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Refund", exact: true })).toBeDisabled();
  await expect(page.getByText(/Refunds need the connection to the store/)).toBeVisible();
  await context.setOffline(false);
  const after = (await store.api(`/wc/v3/orders/${orders[0]!.id}/refunds`)) as WireRefund[];
  expect(after).toHaveLength(2);
});
