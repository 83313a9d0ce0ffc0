import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test, type Page } from "@playwright/test";
import { demoPassword, StoreServer } from "../support/store-server.js";
import { logInAndSync, waitForCatalogue } from "../support/till-page.js";

/** A screenshot path in this test's Playwright output folder. */
const shot = (name: string) => test.info().outputPath(name);

async function storeApi(
  url: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<unknown> {
  const login = await fetch(`${url}/wp-json/pos/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "manager", password: demoPassword }),
  });
  const { access_token } = (await login.json()) as { access_token: string };
  const response = await fetch(`${url}/wp-json${path}`, {
    method,
    headers: { authorization: `Bearer ${access_token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    throw new Error(`${method} ${path} failed with ${response.status}: ${await response.text()}`);
  }
  return response.json();
}

async function serverTotal(url: string, collection: string): Promise<number> {
  const page = (await storeApi(url, "GET", `/pos/v1/snapshot/${collection}?after=0&limit=1`)) as {
    total: number;
  };
  return page.total;
}

async function showScreen(page: Page, name: string): Promise<void> {
  await page.getByRole("navigation", { name: "Screens" }).getByRole("button", { name }).click();
}

function collectionCells(page: Page, label: string) {
  return page
    .getByRole("table", { name: "Collections" })
    .getByRole("row", { name: label, exact: true })
    .getByRole("cell");
}

/** Reads every product and customer row straight from the till's IndexedDB. */
async function readChunks(page: Page) {
  return page.evaluate(async () => {
    const databases = await indexedDB.databases();
    const name = databases
      .map((entry) => entry.name ?? "")
      .find((n) => n.startsWith("pos-catalog-"));
    if (!name) throw new Error("no catalogue database");
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error("IndexedDB request failed"));
    });
    const readAll = (store: string) =>
      new Promise<{ bucket: number; records: { id: number }[]; count?: number }[]>(
        (resolve, reject) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error ?? new Error("IndexedDB request failed"));
        },
      );
    const summary = async (store: string) => {
      const rows = await readAll(store);
      const ids = rows
        .filter((row) => row.bucket >= 0)
        .flatMap((row) => row.records.map((r) => r.id));
      return {
        ids: ids.length,
        unique: new Set(ids).size,
        countRow: rows.find((row) => row.bucket === -1)?.count ?? null,
        rows: rows.length,
      };
    };
    const result = {
      name,
      version: db.version,
      products: await summary("productChunks"),
      customers: await summary("customerChunks"),
    };
    db.close();
    return result;
  });
}

test.describe.configure({ mode: "serial" });

test("syncs, sells and counts the catalogue in two tabs", async ({ context }) => {
  const store = await StoreServer.launch();
  try {
    const first = await context.newPage();
    await logInAndSync(first, store, "manager");
    await first.screenshot({ path: shot("01-synced.png"), fullPage: true });

    await first.getByRole("searchbox", { name: "Search products" }).fill("beanie");
    await expect(first.getByRole("button", { name: /^Beanie\b/ }).first()).toBeVisible();
    await first.screenshot({ path: shot("02-search-beanie.png"), fullPage: true });

    const chunks = await readChunks(first);
    expect(chunks.products.ids).toBe(await serverTotal(store.url, "products"));
    expect(chunks.products.unique).toBe(chunks.products.ids);
    expect(chunks.products.countRow).toBe(chunks.products.ids);
    expect(chunks.customers.countRow ?? 0).toBe(chunks.customers.ids);

    // Second tab on the same till.
    const second = await context.newPage();
    await second.goto(store.url);
    await waitForCatalogue(second);

    const products = (await storeApi(
      store.url,
      "GET",
      "/wc/v3/products?per_page=50&orderby=id",
    )) as {
      id: number;
      name: string;
      type: string;
      status: string;
    }[];
    const simple = products.filter((p) => p.type === "simple" && p.status === "publish");
    const priced = simple[0]!;
    const doomed = simple[1]!;
    await storeApi(store.url, "PUT", `/wc/v3/products/${priced.id}`, {
      name: "Platypus mug",
      regular_price: "123.45",
      sale_price: "",
    });
    await storeApi(store.url, "DELETE", `/wc/v3/products/${doomed.id}?force=true`);
    await storeApi(store.url, "POST", "/wc/v3/customers", {
      email: "zephyrine@example.com",
      first_name: "Zephyrine",
      last_name: "Quillfeather",
    });
    await showScreen(first, "Store health");
    await first.getByRole("button", { name: "Sync now" }).click({ timeout: 10_000 });

    for (const [label, page] of [
      ["first", first],
      ["second", second],
    ] as const) {
      await showScreen(page, "Sell");
      const search = page.getByRole("searchbox", { name: "Search products" });
      await search.fill("platypus");
      const hit = page.getByRole("button", { name: /^Platypus mug/ });
      await expect(hit).toHaveCount(1);
      await expect(hit).toContainText("123.45");
      await search.fill(doomed.name);
      await expect(
        page.getByRole("button", { name: new RegExp(`^${doomed.name}\\b`) }),
      ).toHaveCount(0);
      const panel = page.getByRole("region", { name: "Customer" });
      await panel.getByRole("searchbox", { name: "Search customers" }).fill("quillfeather");
      await expect(panel.getByRole("button", { name: /Zephyrine Quillfeather/ })).toBeVisible();
      await page.screenshot({ path: shot(`03-tab-${label}.png`), fullPage: true });
      await panel.getByRole("searchbox", { name: "Search customers" }).fill("");
    }
    await second.close();

    // Sell the renamed product.
    await first.getByRole("searchbox", { name: "Search products" }).fill("platypus");
    await first.getByRole("button", { name: /^Platypus mug/ }).click();
    await first.getByRole("button", { name: "Checkout" }).click();
    await first.getByLabel("Amount tendered").fill("200");
    await first.getByRole("button", { name: "Complete sale" }).click();
    await expect(first.getByRole("status", { name: "Sale status" })).toBeVisible();
    await first.screenshot({ path: shot("04-sold.png"), fullPage: true });
    await first.getByRole("button", { name: "New sale" }).click();

    // Store health counts against the server's totals.
    await showScreen(first, "Store health");
    for (const [name, label] of [
      ["products", "Products"],
      ["customers", "Customers"],
      ["variations", "Variations"],
    ] as const) {
      const total = await serverTotal(store.url, name);
      await expect
        .soft(collectionCells(first, label).nth(0))
        .toHaveText(`${total} of ${total}`, { timeout: 3_000 });
    }
    await first.screenshot({ path: shot("05-health.png"), fullPage: true });

    // Clear and re-download products: customers' checkpoint stays.
    const customersBefore = await collectionCells(first, "Customers").allInnerTexts();
    const snapshots: string[] = [];
    first.on("request", (sent) => {
      const match = /\/wp-json\/pos\/v1\/snapshot\/(\w+)/.exec(new URL(sent.url()).pathname);
      if (match?.[1]) snapshots.push(match[1]);
    });
    await first.getByRole("button", { name: "Clear and re-download products" }).click();
    await first
      .getByRole("alertdialog", { name: "Confirm clear" })
      .getByRole("button", { name: "Clear products" })
      .click();
    await expect
      .poll(() => snapshots.filter((name) => name === "products").length)
      .toBeGreaterThan(0);
    const productTotal = await serverTotal(store.url, "products");
    await expect(collectionCells(first, "Products").nth(0)).toHaveText(
      `${productTotal} of ${productTotal}`,
      { timeout: 60_000 },
    );
    await expect(collectionCells(first, "Products").nth(1)).toHaveText("complete");
    expect(await collectionCells(first, "Customers").allInnerTexts()).toEqual(customersBefore);
    const after = await readChunks(first);
    expect(after.products.ids).toBe(productTotal);
    expect(after.products.unique).toBe(productTotal);
    expect(after.products.countRow).toBe(productTotal);
    await first.screenshot({ path: shot("06-redownloaded.png"), fullPage: true });
  } finally {
    await store.dispose();
  }
});

/** Runs `demo --openfoodfacts N` on a random port from 18000 to 18999, in its own data folder. */
async function launchLarge(rows: number): Promise<{ url: string; stop: () => Promise<void> }> {
  const root = fileURLToPath(new URL("../..", import.meta.url));
  const dataDir = mkdtempSync(join(tmpdir(), "pos-large-store-"));
  const port = 18_000 + Math.floor(Math.random() * 1_000);
  const child: ChildProcess = spawn(
    process.execPath,
    [join(root, "packages/server/dist/cli.js"), "demo", "--openfoodfacts", String(rows)],
    {
      cwd: root,
      env: {
        ...process.env,
        HOST: "127.0.0.1",
        PORT: String(port),
        DATA_DIR: dataDir,
        POS_DEMO_PASSWORD: demoPassword,
      },
      stdio: "ignore",
    },
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (Date.now() > deadline)
      throw new Error(`large store on ${url} did not answer ping within 300 s`);
    try {
      if ((await fetch(`${url}/wp-json/pos/v1/ping`)).ok) break;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return {
    url,
    stop: async () => {
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill("SIGTERM");
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

test("closing the tab mid-seed loses and doubles nothing", async ({ context }) => {
  test.setTimeout(600_000);
  const store = await launchLarge(20_000);
  try {
    const total = await serverTotal(store.url, "products");
    const page = await context.newPage();
    await page.goto(store.url);
    await page.getByLabel("Username").fill("manager");
    await page.getByLabel("Password").fill(demoPassword);
    await page.getByRole("button", { name: "Log in" }).click();
    const progress = page.getByRole("progressbar", { name: "Syncing catalogue" });
    await expect(async () => {
      const now = Number(await progress.getAttribute("aria-valuenow"));
      expect(now).toBeGreaterThan(total / 4);
    }).toPass({ timeout: 120_000, intervals: [50] });
    await page.close();

    const again = await context.newPage();
    await again.goto(store.url);
    await waitForCatalogue(again);
    const chunks = await readChunks(again);
    expect(chunks.products.ids).toBe(total);
    expect(chunks.products.unique).toBe(total);
    expect(chunks.products.countRow).toBe(total);
    await showScreen(again, "Store health");
    await expect(collectionCells(again, "Products").nth(0)).toHaveText(`${total} of ${total}`);
    await again.screenshot({ path: shot("07-resumed-health.png"), fullPage: true });
  } finally {
    await store.stop();
  }
});

test("a version 3 catalogue opens in the till with nothing lost", async ({ context }) => {
  const store = await StoreServer.launch();
  try {
    const page = await context.newPage();
    await logInAndSync(page, store, "manager");
    const before = await readChunks(page);

    // Leave the till for a same-origin page without the app, so no connection keeps the database open.
    await page.goto(`${store.url}/wp-json/pos/v1/ping`);
    const rebuilt = await page.evaluate(async (name) => {
      const open = (version?: number, upgrade?: (db: IDBDatabase) => void) =>
        new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open(name, version);
          request.onupgradeneeded = () => upgrade?.(request.result);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error ?? new Error("IndexedDB request failed"));
          request.onblocked = () => reject(new Error("blocked"));
        });
      const current = await open();
      const dump: Record<string, unknown[]> = {};
      for (const store of Array.from(current.objectStoreNames)) {
        dump[store] = await new Promise<unknown[]>((resolve, reject) => {
          const request = current.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error ?? new Error("IndexedDB request failed"));
        });
      }
      current.close();
      await new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase(name);
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error ?? new Error("IndexedDB request failed"));
      });
      const flatten = (rows: unknown[]) =>
        (rows as { bucket: number; records: unknown[] }[])
          .filter((row) => row.bucket >= 0)
          .flatMap((row) => row.records);
      const tables: Record<string, unknown[]> = {
        products: flatten(dump.productChunks ?? []),
        customers: flatten(dump.customerChunks ?? []),
        variations: dump.variations ?? [],
        categories: dump.categories ?? [],
        tags: dump.tags ?? [],
        taxRates: dump.taxRates ?? [],
        checkpoints: dump.checkpoints ?? [],
        meta: dump.meta ?? [],
        coupons: dump.coupons ?? [],
      };
      const keyPaths: Record<string, string> = { checkpoints: "collection", meta: "key" };
      const old = await open(30, (db) => {
        for (const store of Object.keys(tables)) {
          const created = db.createObjectStore(store, { keyPath: keyPaths[store] ?? "id" });
          if (store === "variations") created.createIndex("parentId", "parentId");
          if (store === "coupons") created.createIndex("code", "code");
        }
      });
      const write = old.transaction(Object.keys(tables), "readwrite");
      for (const [store, rows] of Object.entries(tables)) {
        for (const row of rows) write.objectStore(store).put(row);
      }
      await new Promise<void>((resolve, reject) => {
        write.oncomplete = () => resolve();
        write.onerror = () => reject(write.error ?? new Error("IndexedDB request failed"));
      });
      old.close();
      return { products: tables.products!.length, customers: tables.customers!.length };
    }, before.name);
    expect(rebuilt.products).toBe(before.products.ids);

    await page.goto(store.url);
    await expect(page.getByRole("searchbox", { name: "Search products" })).toBeVisible();
    await page.getByRole("searchbox", { name: "Search products" }).fill("beanie");
    await expect(page.getByRole("button", { name: /^Beanie\b/ }).first()).toBeVisible();
    const after = await readChunks(page);
    expect(after.version).toBe(50);
    expect(after.products.ids).toBe(before.products.ids);
    expect(after.products.countRow).toBe(before.products.ids);
    expect(after.customers.ids).toBe(before.customers.ids);
    await showScreen(page, "Store health");
    const total = await serverTotal(store.url, "products");
    await expect(collectionCells(page, "Products").nth(0)).toHaveText(`${total} of ${total}`);
    await page.screenshot({ path: shot("08-upgraded-health.png"), fullPage: true });
  } finally {
    await store.dispose();
  }
});
