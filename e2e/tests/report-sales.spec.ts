import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { StoreServer } from "../support/store-server.js";
import { logInAndSync } from "../support/till-page.js";

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

async function sell(page: Page, sku: string, quantity: number, tendered: string): Promise<void> {
  await page.getByRole("searchbox", { name: "Search products" }).focus();
  await page.keyboard.type(sku, { delay: 8 });
  await page.keyboard.press("Enter");
  await page
    .getByRole("region", { name: "Cart" })
    .getByRole("spinbutton", { name: "Quantity" })
    .fill(String(quantity));
  await page.getByRole("button", { name: "Checkout" }).click();
  await page.getByLabel("Amount tendered").fill(tendered);
  await page.getByRole("button", { name: "Complete sale" }).click();
  await expect(page.getByText(/Order #\d+/)).toBeVisible();
  await page.getByRole("button", { name: "New sale" }).click();
}

/** Reads the summary table as label → value. */
async function summaryOf(page: Page): Promise<Record<string, string>> {
  const rows = page.getByRole("table", { name: "Summary" }).getByRole("row");
  const entries: [string, string][] = [];
  for (const row of await rows.all()) {
    entries.push([
      (await row.getByRole("rowheader").innerText()).trim(),
      (await row.getByRole("cell").innerText()).trim(),
    ]);
  }
  return Object.fromEntries(entries);
}

test("till and store reports agree, offline too", async ({ page, context }) => {
  await logInAsManager(page);
  // Beanie 2 × 18.00 = 36.00 + 3.60 tax = 39.60; belt 55.00 + 5.50 = 60.50.
  await sell(page, "woo-beanie", 2, "40");
  await sell(page, "woo-belt", 1, "60.50");

  const nav = page.getByRole("navigation", { name: "Screens" });
  await nav.getByRole("button", { name: "Reports" }).click();
  await page.getByRole("button", { name: "Show report" }).click();
  const expected = {
    Orders: "2",
    "Gross sales": "$100.10",
    "Net sales": "$91.00",
    Tax: "$9.10",
    "Items sold": "3",
    "Average order value": "$50.05",
  };
  await expect(page.getByRole("table", { name: "Summary" })).toBeVisible();
  expect(await summaryOf(page)).toMatchObject(expected);
  await expect(page.getByRole("img", { name: "Sales by hour" })).toBeVisible();
  const device = await summaryOf(page);

  await page.getByLabel("Orders from").selectOption("store");
  await page.getByRole("button", { name: "Show report" }).click();
  await expect(async () => expect(await summaryOf(page)).toEqual(device)).toPass();

  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download CSV" }).click();
  const download = await downloadPromise;
  const csv = await readFile(await download.path(), "utf8");
  expect(csv.split(/\r?\n/)[0]).toBe("section,key,label,count,amount,tax");
  expect(csv).toContain("100.10");

  // Offline the till's own report still works.
  await context.setOffline(true);
  await expect(page.getByRole("status", { name: "Connection: offline" })).toBeVisible();
  await page.getByLabel("Orders from").selectOption("device");
  await page.getByRole("button", { name: "Show report" }).click();
  await expect(async () => expect(await summaryOf(page)).toMatchObject(expected)).toPass();
});
