import { expect, test, type Page } from "@playwright/test";
import { demoPassword, StoreServer } from "../support/store-server.js";

let store: StoreServer;

// A store per test: the community edition signs in one register at a time, and each test's
// browser is a new register.
test.beforeEach(async () => {
  store = await StoreServer.launch();
  const token = await logInToApi("manager");
  // A Code 39 label's SKU and a weighed cheese whose scale labels start with 21 00001.
  await post(token, "/wc/v3/products", {
    name: "Tea towel",
    sku: "000122521",
    regular_price: "4.00",
  });
  await post(token, "/wc/v3/products", {
    name: "Cheddar by weight",
    regular_price: "3.20",
    global_unique_id: "2100001000004",
  });
  await post(token, "/wc/v3/customers", {
    email: "jane.doe@example.com",
    first_name: "Jane",
    last_name: "Doe",
    billing: { phone: "(555) 010-1234", company: "Acme Bakery", city: "Leeds" },
  });
});

test.afterEach(async () => {
  await store.dispose();
});

async function logInToApi(username: string): Promise<string> {
  const response = await fetch(`${store.url}/wp-json/pos/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: demoPassword }),
  });
  if (!response.ok) throw new Error(`login as ${username} failed with ${response.status}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

async function post(token: string, path: string, body: unknown): Promise<void> {
  const response = await fetch(`${store.url}/wp-json${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${path} failed with ${response.status}`);
}

async function openTill(page: Page): Promise<void> {
  await page.goto(store.url);
  await page.getByLabel("Username").fill("cashier");
  await page.getByLabel("Password").fill(demoPassword);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("searchbox", { name: "Search products" })).toBeVisible();
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

/** Types like a keyboard-wedge scanner: `delayMs` between keys, then Enter. */
async function typeKeys(page: Page, code: string, delayMs: number): Promise<void> {
  await page.keyboard.type(code, { delay: delayMs });
  await page.keyboard.press("Enter");
}

test("scans into the cart from the focused search box", async ({ page }) => {
  await openTill(page);
  const search = page.getByRole("searchbox", { name: "Search products" });
  const cart = page.getByRole("region", { name: "Cart" });
  const lines = cart.getByRole("listitem");

  await search.focus();
  await typeKeys(page, "*000122521", 8);
  await expect(cart.getByText("Tea towel", { exact: true })).toBeVisible();
  await expect(search).toHaveValue("");
  await expect(lines).toHaveCount(1);

  // The same code again raises the quantity of the same line.
  await typeKeys(page, "*000122521", 8);
  await expect(cart.getByRole("spinbutton", { name: "Quantity" })).toHaveValue("2");
  await expect(lines).toHaveCount(1);

  // A person typing at 150 ms a key searches; no line is added.
  await typeKeys(page, "123", 150);
  await expect(search).toHaveValue("123");
  await expect(lines).toHaveCount(1);

  // A variation's SKU adds that variation.
  await search.fill("");
  await typeKeys(page, "woo-hoodie-blue-logo", 8);
  await expect(cart.getByText("Hoodie - Blue, Yes")).toBeVisible();
  await expect(search).toHaveValue("");
});

test("adds a weighed item and two quick scans to one order", async ({ page }) => {
  await openTill(page);
  const cart = page.getByRole("region", { name: "Cart" });

  await page.getByRole("searchbox", { name: "Search products" }).focus();
  await typeKeys(page, "2100001027506", 8);
  const cheese = cart.getByRole("listitem", { name: /Cheddar by weight/ });
  await expect(cheese).toContainText("2.750 kg");
  await expect(cheese.getByRole("textbox", { name: "Unit price" })).toHaveValue("8.80");

  // Two scans back to back, the second before the first is looked up.
  await page.keyboard.type("woo-beanie", { delay: 4 });
  await page.keyboard.press("Enter");
  await page.keyboard.type("woo-cap", { delay: 4 });
  await page.keyboard.press("Enter");
  await expect(cart.getByText("Beanie", { exact: true })).toBeVisible();
  await expect(cart.getByText("Cap", { exact: true })).toBeVisible();
  await expect(cart.getByRole("listitem")).toHaveCount(3);
});

test("rejects a misread barcode with a message", async ({ page }) => {
  await openTill(page);
  await typeKeys(page, "3564700010546", 8);

  await expect(page.getByRole("alert")).toContainText("should end in 9");
});

test("filters the catalogue and finds a customer offline", async ({ page, context }) => {
  await openTill(page);
  const products = page.getByRole("list", { name: /^Products/ });

  await page.getByLabel("Category").selectOption({ label: "Accessories" });
  await page.getByLabel("Sort by").selectOption({ label: "Price, low to high" });
  await expect(products.getByRole("button").first()).toHaveAccessibleName(/./);
  const names = await products.getByRole("button").allTextContents();
  expect(names.join(" ")).toContain("Beanie");
  expect(names.join(" ")).not.toContain("Hoodie with Logo");
  await page.screenshot({ path: test.info().outputPath("filters.png") });

  await context.setOffline(true);
  await page.getByRole("searchbox", { name: "Search customers" }).fill("acme");
  await page.getByRole("button", { name: "Attach Jane Doe" }).click();
  const details = page.getByRole("region", { name: "Customer" });
  await expect(details).toContainText("(555) 010-1234");
  await expect(details).toContainText("jane.doe@example.com");
  await page.screenshot({ path: test.info().outputPath("customer.png") });
  await context.setOffline(false);
});
