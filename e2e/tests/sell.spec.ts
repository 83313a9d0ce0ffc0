import { expect, test, type Page } from "@playwright/test";
import { demoPassword, StoreServer } from "../support/store-server.js";
import { waitForCatalogue } from "../support/till-page.js";

interface WireOrder {
  id: number;
  status: string;
  total: string;
  total_tax: string;
  line_items: { sku: string; quantity: number; total: string; variation_id: number }[];
  meta_data: { key: string; value: unknown }[];
}

interface WireStockRecord {
  id: number;
  sku: string;
  stock_quantity: number | null;
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
  await page.getByLabel("Username").fill("cashier");
  await page.getByLabel("Password").fill(demoPassword);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("searchbox", { name: "Search products" })).toBeVisible();
}

/** Types like a keyboard-wedge scanner: a few milliseconds a key, then Enter. */
async function scan(page: Page, code: string): Promise<void> {
  await page.keyboard.type(code, { delay: 8 });
  await page.keyboard.press("Enter");
}

/** Stock of a product, or of a variation when `variationSku` is given, looked up by SKU. */
async function stockOf(productSku: string, variationSku?: string): Promise<number | null> {
  const products = (await store.api(`/wc/v3/products?sku=${productSku}`)) as WireStockRecord[];
  const product = products[0];
  if (!product) throw new Error(`no product with SKU ${productSku} in the demo store`);
  if (variationSku === undefined) return product.stock_quantity;
  const variations = (await store.api(
    `/wc/v3/products/${product.id}/variations?per_page=100`,
  )) as WireStockRecord[];
  const variation = variations.find((candidate) => candidate.sku === variationSku);
  if (!variation) throw new Error(`no variation with SKU ${variationSku} under ${productSku}`);
  return variation.stock_quantity;
}

test("sells online, keeps selling offline, checks out after reconnect", async ({
  page,
  context,
}) => {
  const hoodieRedBefore = await stockOf("woo-hoodie", "woo-hoodie-red");
  const beanieBefore = await stockOf("woo-beanie");

  await logIn(page);
  await waitForCatalogue(page);

  // A variation picked through the attribute dialog, quantity 2.
  await page.getByRole("searchbox", { name: "Search products" }).fill("hoodie");
  await page
    .getByRole("button", { name: /^Hoodie\b(?! with)/ })
    .first()
    .click();
  const picker = page.getByRole("dialog");
  await picker.getByRole("radio", { name: "Red", exact: true }).check();
  await picker.getByRole("radio", { name: "No", exact: true }).check();
  await picker.getByRole("button", { name: "Add to cart" }).click();
  const cart = page.getByRole("region", { name: "Cart" });
  await expect(cart.getByText("Hoodie - Red, No")).toBeVisible();
  await cart.getByRole("spinbutton", { name: "Quantity" }).fill("2");

  // A price the till cannot read is explained, and leaving the field keeps the saved price.
  const price = cart.getByRole("textbox", { name: "Unit price" });
  await price.fill("12,5");
  await expect(cart.getByRole("alert")).toContainText('amount "12,5" is not valid');
  await price.blur();
  await expect(price).toHaveValue("42.00");
  await expect(cart.getByRole("alert")).toContainText("Kept 42.00.");

  // A cart discount larger than the cart shows the amount taken off (2 × 42.00 here).
  await cart.getByLabel("Cart discount or fee").selectOption("discount-amount");
  await cart.getByLabel("Adjustment value").fill("500");
  await cart.getByLabel("Adjustment value").press("Enter");
  await expect(cart.getByText(/500\.00 requested, .*84\.00 applied/)).toBeVisible();
  await cart.getByRole("button", { name: "Remove discount" }).click();

  // A second product by scanning its SKU while the search box has the focus.
  await page.getByRole("searchbox", { name: "Search products" }).focus();
  await scan(page, "woo-beanie");
  await expect(cart.getByText("Beanie", { exact: true })).toBeVisible();
  await expect(page.getByRole("searchbox", { name: "Search products" })).toHaveValue("hoodie");

  // 2 × 42.00 + 18.00 = 102.00 before tax.
  const total = page.getByLabel("Order total");
  await expect(total).toContainText("112.20");

  await page.getByRole("button", { name: "Checkout" }).click();
  await page.getByLabel("Amount tendered").fill("120");
  await expect(page.getByText("7.80")).toBeVisible();
  await page.getByRole("button", { name: "Complete sale" }).click();
  await expect(page.getByText(/Order #\d+/)).toBeVisible();

  const orders = (await store.api("/wc/v3/orders?per_page=10")) as WireOrder[];
  expect(orders).toHaveLength(1);
  const order = orders[0]!;
  expect(order.total).toBe("112.20");
  expect(order.total_tax).toBe("10.20");
  const skus = order.line_items.map((line) => `${line.sku}×${line.quantity}`).sort();
  expect(skus).toEqual(["woo-beanie×1", "woo-hoodie-red×2"]);
  expect(order.meta_data.some((entry) => entry.key === "_pos_client_uuid")).toBe(true);
  expect(await stockOf("woo-hoodie", "woo-hoodie-red")).toBe(hoodieRedBefore! - 2);
  expect(await stockOf("woo-beanie")).toBe(beanieBefore! - 1);

  // Offline: the browser loses the network and the store stops.
  await context.setOffline(true);
  await store.stop();
  await page.reload();
  await expect(page.getByRole("status", { name: "Connection: offline" })).toBeVisible();
  await page.getByRole("searchbox", { name: "Search products" }).fill("cap");
  await page
    .getByRole("button", { name: /^Cap\b/ })
    .first()
    .click();
  await expect(cart.getByText("Cap", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Checkout" }).click();
  await expect(page.getByRole("alert")).toContainText(/connection/i);

  // The parked order is kept through a reload.
  await page.reload();
  await expect(cart.getByText("Cap", { exact: true })).toBeVisible();

  // Back online: the dot turns green by itself and the order checks out.
  await store.start();
  await context.setOffline(false);
  await expect(page.getByRole("status", { name: "Connection: online" })).toBeVisible({
    timeout: 60_000,
  });
  await page.getByRole("button", { name: "Checkout" }).click();
  await page.getByLabel("Amount tendered").fill("20");
  await page.getByRole("button", { name: "Complete sale" }).click();
  await expect(page.getByText(/Order #\d+/)).toBeVisible();

  const after = (await store.api("/wc/v3/orders?per_page=10")) as WireOrder[];
  expect(after).toHaveLength(2);
});
