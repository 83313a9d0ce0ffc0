import { expect, test, type Page } from "@playwright/test";
import { demoPassword, StoreServer } from "../support/store-server.js";

// No licence: the community edition allows one register.
let store: StoreServer;

test.beforeAll(async () => {
  store = await StoreServer.launch();
});

test.afterAll(async () => {
  await store.dispose();
});

async function logIn(page: Page, username: string): Promise<void> {
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(demoPassword);
  await page.getByRole("button", { name: "Log in" }).click();
}

test("manager signs out the old register from a new device", async ({ page, browser }) => {
  await page.goto(store.url);
  await logIn(page, "cashier");
  await expect(page.getByRole("searchbox", { name: "Search products" })).toBeVisible();

  // A second browser context is a new register, such as a replaced till.
  const replacement = await browser.newContext();
  const newTill = await replacement.newPage();
  await newTill.goto(store.url);
  await logIn(newTill, "cashier");
  await expect(newTill.getByRole("alert")).toContainText("This register cannot sign in");
  await expect(newTill.getByRole("status").filter({ hasText: "Ask a manager" })).toBeVisible();
  await expect(newTill.getByRole("button", { name: /^Sign out / })).toHaveCount(0);

  await logIn(newTill, "manager");
  const takeover = newTill.getByRole("button", {
    name: /^Sign out R[A-Z0-9]+ and use this device$/,
  });
  await expect(takeover).toHaveCount(1);
  await takeover.click();
  await expect(newTill.getByRole("searchbox", { name: "Search products" })).toBeVisible();

  // The old till is logged out on its next contact with the store.
  await page.reload();
  await expect(page.getByRole("button", { name: "Log in" })).toBeVisible({ timeout: 60_000 });
  await replacement.close();
});
