import { fileURLToPath } from "node:url";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { StoreServer } from "../support/store-server.js";
import { logInAndSync } from "../support/till-page.js";

const collections = [
  { name: "products", label: "Products" },
  { name: "variations", label: "Variations" },
  { name: "categories", label: "Categories" },
  { name: "tags", label: "Tags" },
  { name: "customers", label: "Customers" },
  { name: "tax_rates", label: "Tax rates" },
  { name: "coupons", label: "Coupons" },
] as const;

const screenshotPath = fileURLToPath(
  new URL("../../docs/screenshots/store-health.png", import.meta.url),
);

// The tests share one page and run in order: the demo store's licence admits one register,
// and a new browser context would sign in as a second one.
test.describe.configure({ mode: "serial" });

let store: StoreServer;
let page: Page;

test.beforeAll(async ({ browser }) => {
  store = await StoreServer.launch();
  page = await browser.newPage();
  await logInAndSync(page, store, "manager");
});

test.afterAll(async () => {
  await page.close();
  await store.dispose();
});

/** Returns the store's count of a collection, from the pos/v1 snapshot the till seeds from. */
async function serverTotal(collection: string): Promise<number> {
  const page = (await store.api(`/pos/v1/snapshot/${collection}?after=0&limit=1`)) as {
    total: number;
  };
  return page.total;
}

function collectionRow(label: string): Locator {
  return page
    .getByRole("table", { name: "Collections" })
    .getByRole("row", { name: label, exact: true });
}

/** Returns the texts of a row's data cells: stored, state, checkpoint and actions. */
async function rowCells(row: Locator): Promise<string[]> {
  return row.getByRole("cell").allInnerTexts();
}

/** Counts the snapshot requests of each collection that a page and its worker send. */
function countSnapshotRequests(): Map<string, number> {
  const counts = new Map<string, number>();
  page.on("request", (sent) => {
    const match = /\/wp-json\/pos\/v1\/snapshot\/(\w+)/.exec(new URL(sent.url()).pathname);
    if (match?.[1]) counts.set(match[1], (counts.get(match[1]) ?? 0) + 1);
  });
  return counts;
}

test("Store health shows counts, cancels and re-downloads one collection", async () => {
  await page
    .getByRole("navigation", { name: "Screens" })
    .getByRole("button", { name: "Store health" })
    .click();
  const health = page.getByRole("main", { name: "Store health" });
  await expect(health.getByRole("heading", { name: "Store health" })).toBeVisible();

  // Every collection shows "x of y" against the server's total, complete.
  for (const { name, label } of collections) {
    const total = await serverTotal(name);
    const row = collectionRow(label);
    await expect(row.getByRole("cell").nth(0)).toHaveText(`${total} of ${total}`);
    await expect(row.getByRole("cell").nth(1)).toHaveText("complete");
  }

  // Storage and outbox figures come from the browser and the sales database.
  const persisted = await page.evaluate(() => navigator.storage.persisted());
  const storage = health.getByLabel("Storage", { exact: true });
  await expect(storage.getByRole("definition").first()).toHaveText(
    persisted ? "granted" : /^not granted/,
  );
  await expect(storage.getByRole("definition").nth(1)).toHaveText(/^\d[\d.]* (B|kB|MB|GB) of /);
  const outbox = health.getByLabel("Outbox", { exact: true });
  await expect(outbox.getByRole("definition")).toHaveText(["0", "0"]);
  await expect(health.getByLabel("Sync", { exact: true }).getByRole("definition")).toHaveText([
    "this tab",
    /\d/,
  ]);

  await page.screenshot({ path: screenshotPath, fullPage: true });

  // Cancel leaves everything as it was and sends nothing.
  const customersBefore = await rowCells(collectionRow("Customers"));
  const cancelled = countSnapshotRequests();
  await health.getByRole("button", { name: "Clear and re-download customers" }).click();
  await page
    .getByRole("alertdialog", { name: "Confirm clear" })
    .getByRole("button", { name: "Cancel" })
    .click();
  await expect(page.getByRole("alertdialog", { name: "Confirm clear" })).toHaveCount(0);
  expect(await rowCells(collectionRow("Customers"))).toEqual(customersBefore);
  expect(cancelled.size).toBe(0);

  // Clear products: only products download again; the categories keep records and checkpoint.
  const categoriesBefore = await rowCells(collectionRow("Categories"));
  const productTotal = await serverTotal("products");
  const snapshots = countSnapshotRequests();
  await health.getByRole("button", { name: "Clear and re-download products" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Confirm clear" });
  await expect(confirm).toContainText(`Delete the ${productTotal} products`);
  await confirm.getByRole("button", { name: "Clear products" }).click();
  await expect(health.getByRole("status")).toHaveText(
    "Cleared products; they are downloading again.",
  );

  const products = collectionRow("Products");
  await expect(products.getByRole("cell").nth(0)).toHaveText(`${productTotal} of ${productTotal}`);
  await expect(products.getByRole("cell").nth(1)).toHaveText("complete");
  expect(snapshots.get("products") ?? 0).toBeGreaterThan(0);
  expect([...snapshots.keys()]).toEqual(["products"]);
  expect(await rowCells(collectionRow("Categories"))).toEqual(categoriesBefore);

  // The search finds products again once they are back.
  await page
    .getByRole("navigation", { name: "Screens" })
    .getByRole("button", { name: "Sell" })
    .click();
  await page.getByRole("searchbox", { name: "Search products" }).fill("hoodie");
  await expect(page.getByRole("button", { name: /^Hoodie/ }).first()).toBeVisible();
});

/** Writes 1 kB to a scratch database from the page and returns the error name, or "stored". */
async function tryScratchWrite(): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const open = indexedDB.open("quota-probe");
        open.onupgradeneeded = () => open.result.createObjectStore("scratch");
        open.onerror = () => resolve(open.error?.name ?? "open failed");
        open.onsuccess = () => {
          const transaction = open.result.transaction("scratch", "readwrite");
          transaction.objectStore("scratch").put("x".repeat(1000), Date.now());
          transaction.oncomplete = () => {
            open.result.close();
            resolve("stored");
          };
          transaction.onabort = () => {
            open.result.close();
            resolve(transaction.error?.name ?? "aborted");
          };
        };
      }),
  );
}

test("Store health shows a storage failure to the cashier", async () => {
  await page
    .getByRole("navigation", { name: "Screens" })
    .getByRole("button", { name: "Store health" })
    .click();
  const health = page.getByRole("main", { name: "Store health" });
  const productTotal = await serverTotal("products");

  // Chromium's DevTools protocol can set the origin's quota to 1 byte. Chromium goes on using
  // the free space it read earlier for a while (over 20 s in Chromium 156), so the test waits
  // until a write of its own fails.
  const devtools = await page.context().newCDPSession(page);
  await devtools.send("Storage.overrideQuotaForOrigin", { origin: store.url, quotaSize: 1 });
  await expect.poll(() => tryScratchWrite(), { timeout: 90_000 }).toBe("QuotaExceededError");

  await health.getByRole("button", { name: "Clear and re-download products" }).click();
  await page
    .getByRole("alertdialog", { name: "Confirm clear" })
    .getByRole("button", { name: "Clear products" })
    .click();
  await expect(health.getByRole("alert")).toContainText(/^Sync failed: .*Quota/);
  await expect(page.getByRole("banner")).toContainText(/Sync paused: .*Quota/);
  await expect(collectionRow("Products").getByRole("cell").nth(1)).toHaveText("incomplete");

  // With the quota back, the next sync stores the products and the error goes away.
  await devtools.send("Storage.overrideQuotaForOrigin", { origin: store.url });
  await expect.poll(() => tryScratchWrite()).toBe("stored");
  await health.getByRole("button", { name: "Sync now" }).click();
  await expect(collectionRow("Products").getByRole("cell").nth(0)).toHaveText(
    `${productTotal} of ${productTotal}`,
  );
  await expect(health.getByText(/^Sync failed/)).toHaveCount(0);
});
