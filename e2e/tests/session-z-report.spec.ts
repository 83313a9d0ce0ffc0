import { expect, test, type Page } from "@playwright/test";
import { StoreServer } from "../support/store-server.js";
import { logInAndSync } from "../support/till-page.js";

interface WireTillSession {
  id: string;
  openingFloat: number;
  movements: { kind: string; amount: number; reason: string }[];
  closedAtGmt: string | null;
  countedCash: number | null;
}

let store: StoreServer;

test.beforeAll(async () => {
  store = await StoreServer.launch();
});

test.afterAll(async () => {
  await store.dispose();
});

function logIn(page: Page): Promise<void> {
  return logInAndSync(page, store, "cashier");
}

test("runs a session from float to Z report, offline steps reach the store", async ({
  page,
  context,
}) => {
  await logIn(page);
  const nav = page.getByRole("navigation", { name: "Screens" });
  await nav.getByRole("button", { name: "Till session" }).click();
  await page.getByLabel("Opening float").fill("100");
  await page.getByRole("button", { name: "Open session" }).click();
  await expect(page.getByLabel("Expected cash")).toContainText("$100.00");

  // Cash in while offline: stored on the till and uploaded later.
  await context.setOffline(true);
  await expect(page.getByRole("status", { name: "Connection: offline" })).toBeVisible();
  await page.getByRole("combobox", { name: /^Movement/ }).selectOption("in");
  await page.getByLabel("Movement amount").fill("20");
  await page.getByLabel("Movement reason").fill("change from the safe");
  await page.getByRole("button", { name: "Record movement" }).click();
  await expect(page.getByLabel("Expected cash")).toContainText("$120.00");

  // A cash out of more than the drawer contains is rejected and changes nothing.
  await page.getByRole("combobox", { name: /^Movement/ }).selectOption("out");
  await page.getByLabel("Movement amount").fill("500");
  await page.getByLabel("Movement reason").fill("typo");
  await page.getByRole("button", { name: "Record movement" }).click();
  await expect(page.getByRole("alert")).toContainText(
    "Cash out $500.00 is more than the $120.00 expected in the drawer",
  );
  await expect(page.getByLabel("Expected cash")).toContainText("$120.00");
  await context.setOffline(false);

  // A cash sale: beanie 18.00 + 1.80 tax = 19.80, paid 20.00 with 0.20 change.
  await nav.getByRole("button", { name: "Sell" }).click();
  await page.getByRole("searchbox", { name: "Search products" }).focus();
  await page.keyboard.type("woo-beanie", { delay: 8 });
  await page.keyboard.press("Enter");
  await page.getByRole("button", { name: "Checkout" }).click();
  await page.getByLabel("Amount tendered").fill("20");
  await page.getByRole("button", { name: "Complete sale" }).click();
  await expect(page.getByText(/Order #\d+/)).toBeVisible();
  await page.getByRole("button", { name: "New sale" }).click();

  // Expected 100.00 + 20.00 + 19.80 = 139.80; counted 139.00, so 0.80 short.
  await nav.getByRole("button", { name: "Till session" }).click();
  await expect(page.getByLabel("Expected cash")).toContainText("$139.80");
  await page.getByLabel("Counted cash").fill("139");
  await page.getByRole("button", { name: "Close session" }).click();
  const z = page.getByRole("region", { name: "Z report" });
  await expect(z.getByRole("row", { name: /Expected cash/ })).toContainText("$139.80");
  await expect(z.getByRole("row", { name: /Difference/ })).toContainText("-$0.80 (short)");
  await expect(z.getByRole("button", { name: "Print Z report" })).toBeVisible();

  await expect(async () => {
    const sessions = (await store.api("/pos/v1/till-sessions")) as WireTillSession[];
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.openingFloat).toBe(10000);
    expect(sessions[0]!.movements).toEqual([
      expect.objectContaining({ kind: "in", amount: 2000, reason: "change from the safe" }),
    ]);
    expect(sessions[0]!.countedCash).toBe(13900);
    expect(sessions[0]!.closedAtGmt).not.toBeNull();
  }).toPass({ timeout: 30_000 });
});
