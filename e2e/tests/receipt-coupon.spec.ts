import { expect, test } from "@playwright/test";
import { StoreServer } from "../support/store-server.js";
import { logInAndSync } from "../support/till-page.js";

let store: StoreServer;

test.beforeAll(async () => {
  store = await StoreServer.launch();
  // Created before the till logs in, so the seed brings it to the device.
  await store.post("/wc/v3/coupons", { code: "receipt10", discount_type: "percent", amount: "10" });
});

test.afterAll(async () => {
  await store.dispose();
});

test("prints a coupon sale whose figures add up to the total", async ({ page }) => {
  await logInAndSync(page, store, "manager");
  await page.getByRole("searchbox", { name: "Search products" }).focus();
  await page.keyboard.type("woo-beanie", { delay: 8 });
  await page.keyboard.press("Enter");
  await page.getByLabel("Coupon code").fill("receipt10");
  await page.getByRole("button", { name: "Apply coupon" }).click();
  // 18.00 less 10 % is 16.20, taxed at 10 %: 1.62, total 17.82.
  await expect(page.getByLabel("Order total")).toContainText("17.82");

  await page.getByRole("button", { name: "Checkout" }).click();
  await page.getByLabel("Amount tendered").fill("20");
  await page.getByRole("button", { name: "Complete sale" }).click();
  const paper = page.getByRole("article", { name: "Printable receipt" });
  await expect(paper).toContainText("store order");

  const totals = paper.locator(".receipt-totals");
  await expect(totals).toContainText(/Subtotal\s*\$18\.00/);
  await expect(totals).toContainText(/Coupon discount\s*−\$1\.80/);
  await expect(totals).toContainText(/10%\s*\$1\.62/);
  await expect(totals).toContainText(/\$17\.82/);
  await expect(paper.locator(".receipt-lines")).toContainText("$18.00");

  // The till's own report totals the sale with its coupon, as the store does.
  await page.getByRole("button", { name: "New sale" }).click();
  await page
    .getByRole("navigation", { name: "Screens" })
    .getByRole("button", { name: "Reports" })
    .click();
  await page.getByRole("button", { name: "Show report" }).click();
  const summary = page.getByRole("table", { name: "Summary" });
  const grossSales = summary.getByRole("row", { name: /Gross sales/ }).getByRole("cell");
  await expect(grossSales).toHaveText("$17.82");
  await page.getByLabel("Orders from").selectOption("store");
  await page.getByRole("button", { name: "Show report" }).click();
  await expect(grossSales).toHaveText("$17.82");
});
