import { execFileSync } from "node:child_process";
import { createServer, request, type IncomingMessage, type ServerResponse } from "node:http";
import { fileURLToPath } from "node:url";
import { expect, test, type Page } from "@playwright/test";
import { StoreServer } from "../support/store-server.js";
import { logInAndSync, waitForCatalogue } from "../support/till-page.js";

const cliPath = fileURLToPath(new URL("../../packages/server/dist/cli.js", import.meta.url));

/** Valid EAN-13s: the jam's global unique id, and the one a barcode plugin keeps in `_ean`. */
const globalUniqueId = "4006381333931";
const metaBarcode = "5012345678900";

let store: StoreServer;

// A store per test: the community edition signs in one register at a time, and each test's
// browser is a new register.
test.beforeEach(async () => {
  store = await StoreServer.launch();
  await store.post("/wc/v3/products", {
    name: "Strawberry jam",
    sku: "jam-strawberry",
    regular_price: "3.50",
    global_unique_id: globalUniqueId,
    meta_data: [{ key: "_ean", value: metaBarcode }],
  });
});

test.afterEach(async () => {
  await store.dispose();
});

/**
 * Starts a proxy in front of the store that returns WordPress's 404 for every pos/v1 route, so
 * the till takes it for a plain WooCommerce store. The Host header passes unchanged, because the
 * consumer key's OAuth 1.0a signature covers the address the till sent the request to.
 */
async function startWooCommerceOnlyProxy(target: StoreServer) {
  const server = createServer((incoming: IncomingMessage, outgoing: ServerResponse) => {
    const path = incoming.url ?? "/";
    if (path.startsWith("/wp-json/pos/v1/") || path.startsWith("/wp-json/pos/v1?")) {
      incoming.resume();
      outgoing.writeHead(404, { "content-type": "application/json; charset=UTF-8" });
      outgoing.end(JSON.stringify({ code: "rest_no_route", message: "No route.", data: null }));
      return;
    }
    const destination = { host: "127.0.0.1", port: target.port, path };
    const forwarded = request(
      { ...destination, method: incoming.method, headers: incoming.headers },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forwarded.on("error", () => outgoing.destroy());
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Creates an administrator with a read and write consumer key through the server's CLI. */
function createConsumerKey(): { key: string; secret: string } {
  const env = { ...process.env, DATA_DIR: store.dataDir, POS_USER_PASSWORD: "owner-password-1" };
  const run = (args: string[]) => execFileSync(process.execPath, [cliPath, ...args], { env });
  run(["create-user", "--username", "owner", "--role", "administrator"]);
  const output = String(
    run(["create-api-key", "--username", "owner", "--permissions", "read_write"]),
  );
  const key = /consumer key:\s+(ck_\w+)/.exec(output)?.[1];
  const secret = /consumer secret:\s+(cs_\w+)/.exec(output)?.[1];
  if (key === undefined || secret === undefined) {
    throw new Error(`create-api-key printed no key and secret:\n${output}`);
  }
  return { key, secret };
}

/** Types a code the way a keyboard-wedge scanner does: 8 ms between keys, then Enter. */
async function scan(page: Page, code: string): Promise<void> {
  await page.getByRole("searchbox", { name: "Search products" }).focus();
  await page.keyboard.type(code, { delay: 8 });
  await page.keyboard.press("Enter");
}

async function openScannerSettings(page: Page) {
  await page.getByText("Scanner settings", { exact: true }).click();
  return page.getByRole("group", { name: "Barcode field" });
}

test("maps a meta key chosen on a WooCommerce till", async ({ page }) => {
  const credentials = createConsumerKey();
  const proxy = await startWooCommerceOnlyProxy(store);
  try {
    await page.goto(proxy.url);
    await page.getByLabel("Store address").fill(proxy.url);
    await page.getByLabel("Connect with").selectOption({ label: "WooCommerce consumer key" });
    await page.getByLabel("Consumer key").fill(credentials.key);
    await page.getByLabel("Consumer secret").fill(credentials.secret);
    await page.getByRole("button", { name: "Log in" }).click();
    await waitForCatalogue(page);
    const cart = page.getByRole("region", { name: "Cart" });

    // By default the till reads WooCommerce's global unique id, so the meta barcode is unknown.
    await scan(page, metaBarcode);
    await expect(page.getByRole("alert").filter({ hasText: metaBarcode })).toContainText(
      "No product has",
    );
    await expect(cart.getByText("Strawberry jam", { exact: true })).toBeHidden();

    const barcodeField = await openScannerSettings(page);
    await barcodeField.getByLabel("Products keep their barcodes in").selectOption({
      label: "A product meta key",
    });
    await barcodeField.getByRole("button", { name: "Save barcode field" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "meta key is empty" })).toBeVisible();

    await barcodeField.getByLabel("Meta key").fill("_ean");
    await barcodeField.getByRole("button", { name: "Save barcode field" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Barcode field saved" })).toHaveText(
      "Barcode field saved (meta:_ean): products and variations are downloading again.",
    );
    await waitForCatalogue(page);

    await scan(page, metaBarcode);
    await expect(cart.getByText("Strawberry jam", { exact: true })).toBeVisible();
  } finally {
    await proxy.stop();
  }
});

test("follows the store's barcode source changed through the route", async ({ page }) => {
  await logInAndSync(page, store, "cashier");
  const cart = page.getByRole("region", { name: "Cart" });
  const quantity = cart.getByRole("spinbutton", { name: "Quantity" });

  // A cashier is shown the store's setting and who can change it.
  const barcodeField = await openScannerSettings(page);
  const fieldChoice = barcodeField.getByLabel("Products keep their barcodes in");
  await expect(fieldChoice).toHaveValue("global_unique_id");
  await expect(fieldChoice).toBeDisabled();
  await expect(barcodeField.getByRole("button", { name: "Save barcode field" })).toBeDisabled();
  await expect(page.getByText("only a manager or administrator can change it")).toBeVisible();

  await scan(page, globalUniqueId);
  await expect(quantity).toHaveValue("1");

  await store.post("/pos/v1/settings/pos_barcode_source", { value: "meta:_ean" });

  // The till's next poll of the change feed brings the new barcode, with no reset.
  await expect(async () => {
    await scan(page, metaBarcode);
    await expect(quantity).toHaveValue("2", { timeout: 2_000 });
  }).toPass({ timeout: 90_000, intervals: [5_000] });
  await scan(page, globalUniqueId);
  await expect(page.getByRole("alert").filter({ hasText: globalUniqueId })).toContainText(
    "No product has",
  );
  await expect(quantity).toHaveValue("2");
});

test("lets a manager change the store's barcode field on the till", async ({ page }) => {
  await logInAndSync(page, store, "manager");
  const cart = page.getByRole("region", { name: "Cart" });

  const barcodeField = await openScannerSettings(page);
  await barcodeField.getByLabel("Products keep their barcodes in").selectOption({
    label: "A product meta key",
  });
  await barcodeField.getByLabel("Meta key").fill("bad key");
  await barcodeField.getByRole("button", { name: "Save barcode field" }).click();
  await expect(page.getByRole("alert").filter({ hasText: 'meta key "bad key"' })).toContainText(
    "is invalid",
  );
  expect(await store.api("/pos/v1/settings/pos_barcode_source")).toMatchObject({
    value: "global_unique_id",
  });

  await barcodeField.getByLabel("Meta key").fill("_ean");
  await barcodeField.getByRole("button", { name: "Save barcode field" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Barcode field saved" })).toContainText(
    "saved for the store (meta:_ean)",
  );
  expect(await store.api("/pos/v1/settings/pos_barcode_source")).toMatchObject({
    value: "meta:_ean",
  });

  // Saving starts a sync at once instead of waiting for the till's next poll.
  await expect(async () => {
    await scan(page, metaBarcode);
    await expect(cart.getByText("Strawberry jam", { exact: true })).toBeVisible({
      timeout: 2_000,
    });
  }).toPass({ timeout: 30_000, intervals: [2_000] });
});
