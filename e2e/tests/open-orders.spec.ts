import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { SMTPServer } from "smtp-server";
import { StoreServer } from "../support/store-server.js";
import { logInAndSync } from "../support/till-page.js";

interface WireOrder {
  id: number;
  number: string;
  status: string;
  total: string;
  line_items: { sku: string; quantity: number }[];
  meta_data: { key: string; value: unknown }[];
}

interface WireStockRecord {
  id: number;
  stock_quantity: number | null;
}

interface ReceivedMail {
  to: string[];
  raw: string;
}

const licenceCli = fileURLToPath(
  new URL("../../packages/licence/dist/service/cli.js", import.meta.url),
);
let licenceData: string;
let licenceService: ChildProcess;
let store: StoreServer;
let smtp: SMTPServer;
const inbox: ReceivedMail[] = [];

/** Runs a licence CLI command on the test's data folder and returns what it printed. */
function runLicenceCli(args: string[]): string {
  const run = spawnSync(process.execPath, [licenceCli, ...args, "--data", licenceData], {
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`licence ${args[0]} failed: ${run.stderr}`);
  return run.stdout;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/**
 * Starts the licence service with a 2-register licence, because the community edition lets
 * only one register sign in and this test needs two. Returns the store server's environment.
 */
async function startLicenceService(): Promise<Record<string, string>> {
  licenceData = mkdtempSync(join(tmpdir(), "pos-e2e-open-orders-licences-"));
  runLicenceCli(["keygen"]);
  const issued = runLicenceCli(["issue", "--registers", "2", "--days", "30"]);
  const licenceKey = /POSL(-[0-9A-Z]{5}){4}/.exec(issued)?.[0];
  if (licenceKey === undefined) throw new Error(`no licence key in: ${issued}`);
  const publicKeys = runLicenceCli(["public-keys"]).trim();

  const port = await freePort();
  licenceService = spawn(
    process.execPath,
    [licenceCli, "serve", "--data", licenceData, "--host", "127.0.0.1", "--port", String(port)],
    { stdio: "ignore" },
  );
  const serviceUrl = `http://127.0.0.1:${port}`;
  await expect
    .poll(() =>
      fetch(`${serviceUrl}/v1/public-keys`).then(
        (response) => response.ok,
        () => false,
      ),
    )
    .toBe(true);
  return {
    LICENCE_SERVICE_URL: serviceUrl,
    LICENCE_PUBLIC_KEYS: publicKeys,
    LICENCE_KEY: licenceKey,
  };
}

/** Starts a real SMTP server on 127.0.0.1 that keeps each message it receives. */
async function startMailServer(): Promise<string> {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        inbox.push({
          to: session.envelope.rcptTo.map((entry) => entry.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  return `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
}

test.beforeAll(async () => {
  // The store server is a child process that takes the mail server and the licence from its
  // environment.
  const environment = { ...(await startLicenceService()), SMTP_URL: await startMailServer() };
  Object.assign(process.env, environment);
  try {
    store = await StoreServer.launch();
  } finally {
    for (const name of Object.keys(environment)) delete process.env[name];
  }
});

test.afterAll(async () => {
  await store.dispose();
  licenceService.kill("SIGTERM");
  rmSync(licenceData, { recursive: true, force: true });
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

async function stockOf(sku: string): Promise<number | null> {
  const products = (await store.api(`/wc/v3/products?sku=${sku}`)) as WireStockRecord[];
  const product = products[0];
  if (!product) throw new Error(`no product with SKU ${sku} in the demo store`);
  return product.stock_quantity;
}

async function ordersWithStatus(status: string): Promise<WireOrder[]> {
  return (await store.api(`/wc/v3/orders?status=${status}&per_page=100`)) as WireOrder[];
}

async function openRegister(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await logInAndSync(page, store, "cashier");
  return page;
}

/** Adds a simple product from the search results and sets its quantity. */
async function addToCart(page: Page, search: string, tile: RegExp, quantity: number) {
  await page.getByRole("searchbox", { name: "Search products" }).fill(search);
  await page.getByRole("button", { name: tile }).first().click();
  const cart = page.getByRole("region", { name: "Cart" });
  await cart.getByRole("spinbutton", { name: "Quantity" }).fill(String(quantity));
  await cart.getByRole("spinbutton", { name: "Quantity" }).blur();
}

test("saves, resumes on another register, voids and emails", async ({ browser }) => {
  const beanieBefore = await stockOf("woo-beanie");
  const capBefore = await stockOf("woo-cap");
  const registerA = await openRegister(browser);
  const registerB = await openRegister(browser);
  const openOrdersA = registerA.getByRole("region", { name: /^Open orders/ });
  const openOrdersB = registerB.getByRole("region", { name: /^Open orders/ });

  // Register A parks a sale of three beanies and saves it to the store.
  await addToCart(registerA, "beanie", /^Beanie\b/, 3);
  await registerA.getByRole("button", { name: "Park order" }).click();
  await openOrdersA.getByRole("button", { name: /^Save order .* to the store$/ }).click();
  await expect(
    openOrdersA.getByRole("status").filter({ hasText: "Saved to the store as order #" }),
  ).toBeVisible();
  const saved = await ordersWithStatus("pos-open");
  expect(saved).toHaveLength(1);
  const orderId = saved[0]!.id;
  expect(saved[0]!.line_items.map((line) => line.quantity)).toEqual([3]);
  expect(await stockOf("woo-beanie")).toBe(beanieBefore);

  // Register B loads it from the store and checks it out in cash.
  await openOrdersB.getByRole("button", { name: "Refresh the store's open orders" }).click();
  await openOrdersB
    .getByRole("button", { name: `Load order #${orderId}, 3 items, total ${saved[0]!.total} USD` })
    .click();
  const cartB = registerB.getByRole("region", { name: "Cart" });
  await expect(cartB.getByRole("spinbutton", { name: "Quantity" })).toHaveValue("3");
  await registerB.getByRole("button", { name: "Checkout" }).click();
  await registerB.getByLabel("Amount tendered").fill("100");
  await registerB.getByRole("button", { name: "Complete sale" }).click();
  await expect(registerB.getByRole("status", { name: "Sale status" })).toContainText(
    `Order #${orderId}`,
  );

  // The store has that one order, paid, and the beanies' stock fell by three.
  const paid = (await store.api(`/wc/v3/orders/${orderId}`)) as WireOrder;
  expect(["processing", "completed"]).toContain(paid.status);
  expect(await ordersWithStatus("pos-open")).toHaveLength(0);
  const allOrders = (await store.api("/wc/v3/orders?per_page=100")) as WireOrder[];
  expect(allOrders.map((order) => order.id)).toEqual([orderId]);
  expect(await stockOf("woo-beanie")).toBe(beanieBefore! - 3);

  // Register A has not refreshed and checks out its own copy: the store refuses it at once,
  // the cart stays, and nothing is queued or sold twice.
  await openOrdersA.getByRole("button", { name: /^Resume order/ }).click();
  await registerA.getByRole("button", { name: "Checkout" }).click();
  await registerA.getByLabel("Amount tendered").fill("100");
  await registerA.getByRole("button", { name: "Complete sale" }).click();
  await expect(registerA.getByRole("dialog").getByRole("alert")).toContainText(
    "was already checked out on register",
  );
  await registerA.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
  const cartA = registerA.getByRole("region", { name: "Cart" });
  await expect(cartA.getByRole("spinbutton", { name: "Quantity" })).toHaveValue("3");
  expect(
    ((await store.api("/wc/v3/orders?per_page=100")) as WireOrder[]).map((order) => order.id),
  ).toEqual([orderId]);
  await registerA.getByRole("button", { name: "Park order" }).click();

  // Register A no longer offers its copy.
  await openOrdersA.getByRole("button", { name: "Refresh the store's open orders" }).click();
  await expect(
    openOrdersA
      .getByRole("status")
      .filter({ hasText: `Order #${orderId} is ${paid.status} on the store` }),
  ).toBeVisible();
  await expect(openOrdersA.getByRole("button", { name: /^Resume order/ })).toHaveCount(0);

  // Register A saves a cap sale, then voids it with a reason.
  await addToCart(registerA, "cap", /^Cap\b/, 2);
  await registerA.getByRole("button", { name: "Park order" }).click();
  await openOrdersA.getByRole("button", { name: /^Save order .* to the store$/ }).click();
  await expect.poll(async () => (await ordersWithStatus("pos-open")).length).toBe(1);
  const capOrderId = (await ordersWithStatus("pos-open"))[0]!.id;
  await openOrdersA.getByRole("button", { name: /^Void order/ }).click();
  await openOrdersA.getByRole("button", { name: "Confirm void" }).click();
  await expect(openOrdersA.getByRole("alert")).toHaveText("Enter a reason for voiding the order.");
  await openOrdersA.getByLabel("Reason for voiding").fill("customer left");
  await openOrdersA.getByRole("button", { name: "Confirm void" }).click();
  await expect(openOrdersA.getByRole("status").filter({ hasText: "Voided order" })).toBeVisible();
  await expect(openOrdersA.getByRole("button", { name: /^Resume order/ })).toHaveCount(0);
  const voided = (await store.api(`/wc/v3/orders/${capOrderId}`)) as WireOrder;
  expect(voided.status).toBe("cancelled");
  const notes = (await store.api(`/wc/v3/orders/${capOrderId}/notes`)) as { note: string }[];
  expect(notes.map((entry) => entry.note)).toContain(
    "Order status changed from Open at the till to Cancelled. Voided at the till: customer left",
  );
  expect(await stockOf("woo-cap")).toBe(capBefore);

  // Register B emails the receipt of the paid order; a bad address is rejected by name.
  const emailForm = registerB.getByRole("form", { name: "Email receipt" });
  await emailForm.getByLabel("Customer email").fill("ada@");
  await emailForm.getByRole("button", { name: "Email receipt" }).click();
  await expect(emailForm.getByRole("alert")).toHaveText(
    '"ada@" is not a valid email address: check it and try again.',
  );
  expect(inbox).toHaveLength(0);
  await emailForm.getByLabel("Customer email").fill("ada@customer.test");
  await emailForm.getByRole("button", { name: "Email receipt" }).click();
  await expect(emailForm.getByRole("status")).toContainText("sent to ada@customer.test");
  expect(inbox).toHaveLength(1);
  expect(inbox[0]!.to).toEqual(["ada@customer.test"]);
  const raw = inbox[0]!.raw.replace(/=\r?\n/g, "");
  expect(raw).toMatch(new RegExp(`Subject: .*order #${orderId}`));
  expect(raw).toContain(`Total  USD ${paid.total}`);
});
