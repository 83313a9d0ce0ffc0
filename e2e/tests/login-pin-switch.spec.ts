import { expect, test, type Page } from "@playwright/test";
import { demoPassword, StoreServer } from "../support/store-server.js";

let store: StoreServer;

// A store per test: each test's browser is a new register, and the community edition signs in
// one register per store.
test.beforeEach(async () => {
  store = await StoreServer.launch();
});

test.afterEach(async () => {
  await store.dispose();
});

/** Sends a pos/v1 request as the demo manager, signed in without a register. */
async function asManager(method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await managerRequest(method, path, body);
  if (!response.ok) throw new Error(`${method} ${path} failed with ${response.status}`);
  return response.json();
}

async function managerRequest(method: string, path: string, body?: unknown): Promise<Response> {
  const login = await fetch(`${store.url}/wp-json/pos/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "manager", password: demoPassword }),
  });
  const { access_token: token } = (await login.json()) as { access_token: string };
  return fetch(`${store.url}/wp-json/pos/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

interface CashierWire {
  id: number;
  username: string;
  locked: boolean;
  locked_until_gmt: string | null;
}

async function storeCashier(username: string): Promise<CashierWire> {
  const list = (await asManager("GET", "/cashiers")) as { cashiers: CashierWire[] };
  const user = list.cashiers.find((candidate) => candidate.username === username);
  if (!user) throw new Error(`no demo user "${username}"`);
  return user;
}

async function setPin(username: string, pin: string): Promise<void> {
  const list = (await asManager("GET", "/cashiers")) as {
    cashiers: { id: number; username: string }[];
  };
  const user = list.cashiers.find((candidate) => candidate.username === username);
  if (!user) throw new Error(`no demo user "${username}"`);
  await asManager("PUT", `/users/${user.id}/pin`, { pin });
}

async function logIn(page: Page, username: string): Promise<void> {
  await page.goto(store.url);
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(demoPassword);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("searchbox", { name: "Search products" })).toBeVisible();
}

async function enterPin(page: Page, cashier: string, pin: string): Promise<void> {
  const dialog = page.getByRole("dialog", { name: "Switch cashier" });
  await dialog.getByLabel("Cashier").selectOption({ label: cashier });
  await dialog.getByLabel("PIN", { exact: true }).fill(pin);
  await dialog.getByRole("button", { name: "Switch" }).click();
}

test("switches cashier with a PIN offline, locks after 5 wrong PINs", async ({ page, context }) => {
  await setPin("cashier", "4821");
  await setPin("manager", "97531");
  await logIn(page, "manager");
  const current = page.getByRole("status", { name: "Current cashier" });
  await expect(current).toHaveText("Morgan Manager");
  // The header names the signed-in cashier once.
  await expect(page.getByRole("banner").getByText("Morgan Manager")).toHaveCount(1);

  // The PIN hashes reach the till after login; open the switch once online to be sure.
  await page.getByRole("button", { name: "Switch cashier" }).click();
  const dialog = page.getByRole("dialog", { name: "Switch cashier" });
  await expect(dialog.getByLabel("Cashier")).toContainText("Casey Cashier");
  await dialog.getByRole("button", { name: "Close" }).click();

  // No network and no store from here on.
  await context.setOffline(true);
  await store.stop();
  await page.reload();
  await expect(page.getByRole("status", { name: "Connection: offline" })).toBeVisible();

  await page.getByRole("button", { name: "Switch cashier" }).click();
  await enterPin(page, "Casey Cashier", "4821");
  await expect(current).toHaveText("Casey Cashier");
  await expect(page.getByRole("banner").getByText("Casey Cashier")).toHaveCount(1);
  await expect(page.getByRole("banner").getByText("Morgan Manager")).toHaveCount(0);

  // Wrong PINs: each one makes the next wait longer, the fifth locks the user.
  await page.getByRole("button", { name: "Switch cashier" }).click();
  const alert = dialog.getByRole("alert");
  for (let attempt = 1; attempt <= 4; attempt += 1) {
    await expect(async () => {
      await enterPin(page, "Casey Cashier", "0000");
      await expect(alert).toContainText(`${5 - attempt} attempt`, { timeout: 1000 });
    }).toPass({ timeout: 20_000 });
  }
  await expect(async () => {
    await enterPin(page, "Casey Cashier", "0000");
    await expect(alert).toContainText("is locked", { timeout: 1000 });
  }).toPass({ timeout: 20_000 });

  // The right PIN no longer works, also after a reload.
  await dialog.getByRole("button", { name: "Close" }).click();
  await page.reload();
  await page.getByRole("button", { name: "Switch cashier" }).click();
  await enterPin(page, "Casey Cashier", "4821");
  await expect(dialog.getByRole("alert")).toContainText("is locked");
  await expect(current).toHaveText("Casey Cashier");

  // A manager's PIN unlocks, offline; then the cashier's PIN works again.
  const unlock = dialog.getByRole("form", { name: "Unlock with a manager's PIN" });
  await unlock.getByLabel("Manager", { exact: true }).selectOption({ label: "Morgan Manager" });
  await unlock.getByLabel("Manager PIN").fill("97531");
  await unlock.getByRole("button", { name: "Unlock" }).click();
  await expect(dialog.getByRole("alert")).toContainText("Unlocked");
  await enterPin(page, "Morgan Manager", "97531");
  await expect(current).toHaveText("Morgan Manager");
  await page.getByRole("button", { name: "Switch cashier" }).click();
  await enterPin(page, "Casey Cashier", "4821");
  await expect(current).toHaveText("Casey Cashier");
});

test("sends an offline PIN lockout to the store", async ({ page, context }) => {
  await setPin("cashier", "4821");
  await logIn(page, "manager");
  await page.getByRole("button", { name: "Switch cashier" }).click();
  const dialog = page.getByRole("dialog", { name: "Switch cashier" });
  await expect(dialog.getByLabel("Cashier")).toContainText("Casey Cashier");

  // Offline, five wrong PINs lock the cashier on this till only.
  await context.setOffline(true);
  await expect(page.getByRole("status", { name: "Connection: offline" })).toBeVisible();
  const alert = dialog.getByRole("alert");
  for (let attempt = 1; attempt <= 4; attempt += 1) {
    await expect(async () => {
      await enterPin(page, "Casey Cashier", "0000");
      await expect(alert).toContainText(`${5 - attempt} attempt`, { timeout: 1000 });
    }).toPass({ timeout: 20_000 });
  }
  await expect(async () => {
    await enterPin(page, "Casey Cashier", "0000");
    await expect(alert).toContainText("Casey Cashier is locked", { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  expect((await storeCashier("cashier")).locked).toBe(false);

  // Back online, the outbox sends the lockout, and the store refuses the right PIN.
  await context.setOffline(false);
  await expect(async () => expect((await storeCashier("cashier")).locked).toBe(true)).toPass({
    timeout: 30_000,
  });
  const cashier = await storeCashier("cashier");
  expect(cashier.locked_until_gmt).not.toBeNull();
  const verify = await managerRequest("POST", `/users/${cashier.id}/pin/verify`, { pin: "4821" });
  expect(verify.status).toBe(423);

  // A manager unlocks it on the store.
  await asManager("POST", `/users/${cashier.id}/pin/unlock`);
  expect((await storeCashier("cashier")).locked).toBe(false);
  const after = await managerRequest("POST", `/users/${cashier.id}/pin/verify`, { pin: "4821" });
  expect(after.status).toBe(200);
});
