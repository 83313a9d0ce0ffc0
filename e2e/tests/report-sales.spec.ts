import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { StoreServer } from "../support/store-server.js";
import { logInAndSync } from "../support/till-page.js";

let store: StoreServer;

// A store per test: each test's browser is a new register, and the community edition signs in
// one register per store.
test.beforeEach(async () => {
  store = await StoreServer.launch();
});

test.afterEach(async () => {
  await store.dispose();
});

function logInAsManager(page: Page): Promise<void> {
  return logInAndSync(page, store, "manager");
}

/** Sells `quantity` of `sku` for cash, or on an external card with `slip` as its reference. */
async function sell(
  page: Page,
  sku: string,
  quantity: number,
  tendered: string,
  slip?: string,
): Promise<void> {
  await page.getByRole("searchbox", { name: "Search products" }).focus();
  await page.keyboard.type(sku, { delay: 8 });
  await page.keyboard.press("Enter");
  await page
    .getByRole("region", { name: "Cart" })
    .getByRole("spinbutton", { name: "Quantity" })
    .fill(String(quantity));
  await page.getByRole("button", { name: "Checkout" }).click();
  if (slip !== undefined) {
    await page.getByRole("radio", { name: "External card" }).check();
    await page.getByLabel("Card reference").fill(slip);
  }
  await page.getByLabel("Amount tendered").fill(tendered);
  await page.getByRole("button", { name: "Complete sale" }).click();
  await expect(page.getByText(/Order #\d+/)).toBeVisible();
  if (slip !== undefined) {
    await expect(page.getByText(`External card (slip ${slip})`)).toBeVisible();
  }
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

/** Reads the payments table as rows of method, tenders, tendered, change and received. */
async function paymentRowsOf(page: Page): Promise<string[][]> {
  const rows = page.getByRole("table", { name: "Payments" }).getByRole("row");
  const result: string[][] = [];
  for (const row of (await rows.all()).slice(1)) {
    const cells = await row.getByRole("cell").allInnerTexts();
    result.push([(await row.getByRole("rowheader").innerText()).trim(), ...cells]);
  }
  return result;
}

test("card slips share one payments row", async ({ page }) => {
  await logInAsManager(page);
  // Beanie 18.00 + 1.80 tax = 19.80 on each of two slips.
  await sell(page, "woo-beanie", 1, "19.80", "004512");
  await sell(page, "woo-beanie", 1, "19.80", "004513");

  const nav = page.getByRole("navigation", { name: "Screens" });
  await nav.getByRole("button", { name: "Reports" }).click();
  await page.getByLabel("Payment method").selectOption("pos_card");
  await page.getByRole("button", { name: "Show report" }).click();
  const expectedRow = ["External card", "2", "$39.60", "$0.00", "$39.60"];
  await expect(async () => expect(await paymentRowsOf(page)).toEqual([expectedRow])).toPass();

  await page.getByLabel("Orders from").selectOption("store");
  await page.getByRole("button", { name: "Show report" }).click();
  await expect(async () => expect(await paymentRowsOf(page)).toEqual([expectedRow])).toPass();

  for (const table of await page.getByRole("table").all()) {
    await expect(table).toHaveAccessibleName(/\S/);
  }
  await expect(page.getByRole("table", { name: "Refunds by method" })).toBeVisible();

  // The store's copy of an order lists its tender with the slip.
  await nav.getByRole("button", { name: "Orders" }).click();
  const storeOrders = page.getByRole("region", { name: "Store orders" });
  await storeOrders.getByRole("button").first().click();
  const tenders = page.getByRole("list", { name: "Tenders" });
  await expect(tenders).toContainText(/External card \(slip 00451[23]\): \$19\.80/);
});

test("report rejects From after To before asking", async ({ page }) => {
  await logInAsManager(page);
  const nav = page.getByRole("navigation", { name: "Screens" });
  await nav.getByRole("button", { name: "Reports" }).click();
  await page.getByLabel("From", { exact: true }).fill("2026-12-05");
  await page.getByLabel("To", { exact: true }).fill("2026-12-04");
  await page.getByLabel("Orders from").selectOption("store");

  const requests: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("reports/sales")) requests.push(request.url());
  });
  await page.getByRole("button", { name: "Show report" }).click();

  await expect(page.getByRole("alert")).toContainText(
    "the From date 2026-12-05 is after the To date 2026-12-04",
  );
  await expect(page.getByRole("alert")).toContainText("swap the two dates");
  expect(requests).toEqual([]);
});
