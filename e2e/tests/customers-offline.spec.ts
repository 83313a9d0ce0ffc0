import { expect, test, type Page } from "@playwright/test";
import { demoPassword, StoreServer } from "../support/store-server.js";
import { logInAndSync } from "../support/till-page.js";

interface WireCustomer {
  id: number;
  email: string;
}

interface WireOrder {
  id: number;
  customer_id: number;
}

let store: StoreServer;
let page: Page;

// One page for the whole file: the demo store's edition admits one register at a time, and each
// new browser context would sign in as another register.
test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }) => {
  store = await StoreServer.launch();
  page = await browser.newPage();
  await logInAndSync(page, store, "cashier");
});

test.afterAll(async () => {
  await page.close();
  await store.dispose();
});

async function managerToken(): Promise<string> {
  const response = await fetch(`${store.url}/wp-json/pos/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "manager", password: demoPassword }),
  });
  if (!response.ok) throw new Error(`login as manager failed with ${response.status}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

/** Creates a customer on the store through its REST API, as another till or the shop would. */
async function createStoreCustomer(email: string, firstName: string, lastName: string) {
  const response = await fetch(`${store.url}/wp-json/wc/v3/customers`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${await managerToken()}`,
      "content-type": "application/json",
    },
    body: JSON.stringify({ email, first_name: firstName, last_name: lastName }),
  });
  if (response.status !== 201)
    throw new Error(`customer creation failed: ${await response.text()}`);
  return (await response.json()) as WireCustomer;
}

async function customersWithEmail(email: string): Promise<WireCustomer[]> {
  const query = new URLSearchParams({ email, role: "all" });
  return (await store.api(`/wc/v3/customers?${query.toString()}`)) as WireCustomer[];
}

async function ordersOf(customerId: number): Promise<WireOrder[]> {
  const orders = (await store.api("/wc/v3/orders?per_page=100")) as WireOrder[];
  return orders.filter((order) => order.customer_id === customerId);
}

/** Fills the till's "New customer" form and saves it. */
async function createCustomerOnTill(first: string, last: string, email: string) {
  const panel = page.getByRole("region", { name: "Customer" });
  await panel.getByRole("button", { name: "New customer" }).click();
  const form = page.getByRole("form", { name: "New customer" });
  await form.getByLabel("First name").fill(first);
  await form.getByLabel("Last name").fill(last);
  await form.getByLabel("Email").fill(email);
  await form.getByRole("button", { name: "Create customer" }).click();
  await expect(panel.getByText(`Customer: ${first} ${last}`)).toBeVisible();
}

/** Adds the beanie by SKU and checks out with exact cash. */
async function sellBeanie(expectedState: RegExp): Promise<void> {
  const search = page.getByRole("searchbox", { name: "Search products" });
  await search.fill("woo-beanie");
  await search.press("Enter");
  await expect(
    page.getByRole("region", { name: "Cart" }).getByText("Beanie", { exact: true }),
  ).toBeVisible();
  await page.keyboard.press("F9");
  await expect(page.getByRole("dialog", { name: "Checkout" })).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status", { name: "Sale status" })).toContainText(expectedState);
  await page.getByRole("button", { name: "New sale" }).click();
}

test("a customer created offline reaches the store once, with their sale", async () => {
  const email = "robin.offline@example.test";

  await page.context().setOffline(true);
  await store.stop();
  await expect(page.getByRole("status", { name: "Connection: offline" })).toBeVisible();

  await createCustomerOnTill("Robin", "Offline", email);
  const panel = page.getByRole("region", { name: "Customer" });
  await expect(panel.getByText("Created on this till")).toBeVisible();
  await sellBeanie(/pending/);

  // The customer is searchable on the till before the store has them.
  await panel.getByRole("searchbox", { name: "Search customers" }).fill("robin off");
  await expect(panel.getByRole("button", { name: "Attach Robin Offline" })).toBeVisible();
  await panel.getByRole("searchbox", { name: "Search customers" }).fill("");

  await store.start();
  await page.context().setOffline(false);
  await expect(page.getByRole("status", { name: "Outbox status" })).toHaveText(
    "All sales are sent to the store.",
    { timeout: 120_000 },
  );

  const onStore = await customersWithEmail(email);
  expect(onStore).toHaveLength(1);
  const orders = await ordersOf(onStore[0]!.id);
  expect(orders).toHaveLength(1);
  expect(orders[0]?.customer_id).toBe(onStore[0]?.id);
});

test("a duplicate email is resolved by using the store's customer", async () => {
  const email = "sam.taken@example.test";
  const existing = await createStoreCustomer(email, "Sam", "Store");

  await page.context().setOffline(true);
  await createCustomerOnTill("Samantha", "Till", email);
  await sellBeanie(/pending/);
  await page.context().setOffline(false);

  // The store rejects the email, so the till lists the customer to resolve.
  const panel = page.getByRole("region", { name: "Customer" });
  await panel.getByRole("button", { name: "Resolve Samantha Till" }).click({ timeout: 60_000 });
  const conflict = panel.getByRole("alert", { name: "Email conflict" });
  await expect(conflict).toContainText(`already has a customer with the email ${email}: Sam Store`);
  await conflict.getByRole("button", { name: "Use Sam Store" }).click();
  await expect(panel.getByText("Customer: Sam Store")).toBeVisible();

  await expect(page.getByRole("status", { name: "Outbox status" })).toHaveText(
    "All sales are sent to the store.",
    { timeout: 120_000 },
  );
  expect(await customersWithEmail(email)).toHaveLength(1);
  expect(await ordersOf(existing.id)).toHaveLength(1);

  // The cart on screen took Sam too; the next test starts from a guest cart.
  await panel.getByRole("button", { name: "Detach customer" }).click();
});

test("a duplicate email is resolved by changing the email", async () => {
  const email = "kim.taken@example.test";
  await createStoreCustomer(email, "Kim", "Store");

  await createCustomerOnTill("Kimberly", "Till", email);
  const panel = page.getByRole("region", { name: "Customer" });
  const conflict = panel.getByRole("alert", { name: "Email conflict" });
  await expect(conflict).toContainText(`already has a customer with the email ${email}`);
  await conflict.getByRole("button", { name: "Change the email" }).click();
  const form = page.getByRole("form", { name: "Edit Kimberly Till" });
  await form.getByLabel("Email").fill("kimberly.till@example.test");
  await form.getByRole("button", { name: "Save customer" }).click();
  await sellBeanie(/.+/);

  await expect(page.getByRole("status", { name: "Outbox status" })).toHaveText(
    "All sales are sent to the store.",
    { timeout: 120_000 },
  );
  const [kimberly] = await customersWithEmail("kimberly.till@example.test");
  expect(kimberly).toBeDefined();
  expect(await ordersOf(kimberly!.id)).toHaveLength(1);
  expect(await customersWithEmail(email)).toHaveLength(1);
});
