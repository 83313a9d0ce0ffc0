import { expect, test, type Page } from "@playwright/test";
import { demoPassword, StoreServer } from "../support/store-server.js";

let store: StoreServer;

test.beforeAll(async () => {
  store = await StoreServer.launch();
});

test.afterAll(async () => {
  await store.dispose();
});

interface SessionWire {
  id: string;
  user: { username: string };
  register: string | null;
}

async function managerToken(): Promise<string> {
  const login = await fetch(`${store.url}/wp-json/pos/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "manager", password: demoPassword }),
  });
  return ((await login.json()) as { access_token: string }).access_token;
}

/** Revokes every register session of `username`, as a manager would from Staff and devices. */
async function revokeSessionsOf(username: string): Promise<number> {
  const headers = { authorization: `Bearer ${await managerToken()}` };
  const list = await fetch(`${store.url}/wp-json/pos/v1/sessions`, { headers });
  const { sessions } = (await list.json()) as { sessions: SessionWire[] };
  const targets = sessions.filter((s) => s.user.username === username && s.register !== null);
  for (const session of targets) {
    const response = await fetch(`${store.url}/wp-json/pos/v1/sessions/${session.id}`, {
      method: "DELETE",
      headers,
    });
    expect(response.status).toBe(200);
  }
  return targets.length;
}

async function logIn(page: Page, username: string): Promise<void> {
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(demoPassword);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("searchbox", { name: "Search products" })).toBeVisible();
}

/** Counts the orders on the store, read as the demo manager. */
async function storeOrderCount(): Promise<number> {
  const response = await fetch(`${store.url}/wp-json/wc/v3/orders?per_page=100`, {
    headers: { authorization: `Bearer ${await managerToken()}` },
  });
  return ((await response.json()) as unknown[]).length;
}

interface OutboxRow {
  state: string;
  lastErrorStatus?: number;
}

/** Reads the state and last failure status of each outbox record in the till's sales database. */
function outboxRows(page: Page): Promise<OutboxRow[]> {
  return page.evaluate(
    () =>
      new Promise<OutboxRow[]>((resolve, reject) => {
        const open = indexedDB.open("pos-sales");
        open.onerror = () => reject(new Error("the sales database did not open"));
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction("outbox").objectStore("outbox").getAll();
          request.onsuccess = () => {
            const rows = request.result as OutboxRow[];
            resolve(
              rows.map((row) => ({ state: row.state, lastErrorStatus: row.lastErrorStatus })),
            );
            db.close();
          };
        };
      }),
  );
}

/** Counts outbox records in the till's sales database that the store has not accepted. */
function unsentInOutbox(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open("pos-sales");
        open.onerror = () => reject(new Error("the sales database did not open"));
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction("outbox").objectStore("outbox").getAll();
          request.onsuccess = () => {
            const rows = request.result as { state: string }[];
            resolve(rows.filter((row) => row.state !== "sent").length);
            db.close();
          };
        };
      }),
  );
}

test("logs out a revoked register on reconnect and keeps its unsent sale", async ({
  page,
  context,
}) => {
  await page.goto(store.url);
  await logIn(page, "cashier");
  await expect(page.getByRole("progressbar", { name: "Syncing catalogue" })).toHaveAttribute(
    "aria-valuetext",
    /^(\d+) of \1$/,
    { timeout: 60_000 },
  );

  const ordersBefore = await storeOrderCount();

  // An offline cash sale waits in the outbox.
  await context.setOffline(true);
  await expect(page.getByRole("status", { name: "Connection: offline" })).toBeVisible();
  await page.getByRole("searchbox", { name: "Search products" }).fill("cap");
  await page
    .getByRole("button", { name: /^Cap\b/ })
    .first()
    .click();
  await page.getByRole("button", { name: "Checkout" }).click();
  await page.getByLabel("Amount tendered").fill("20");
  await page.getByRole("button", { name: "Complete sale" }).click();
  await expect.poll(() => unsentInOutbox(page)).toBe(1);

  // Meanwhile a manager revokes this register's session.
  expect(await revokeSessionsOf("cashier")).toBe(1);

  // The token refresh is held until the outbox's send got the store's 401, so the sale meets
  // the revoked session on the wire instead of the till logging out before it is sent.
  const orderRejected = page.waitForResponse(
    (response) => response.url().includes("/wc/v3/orders") && response.status() === 401,
  );
  await page.route("**/pos/v1/auth/refresh", async (route) => {
    await orderRejected;
    await route.continue();
  });

  // Back online: the first contact with the store ends the session.
  await context.setOffline(false);
  await expect(page.getByRole("button", { name: "Log in" })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(/a manager signed it out/)).toBeVisible();
  await expect(page.getByText("1 unsent sale is kept on this register")).toBeVisible();
  expect(await unsentInOutbox(page)).toBe(1);
  // The store rejected the session, not the sale: it waits, unparked, for the next login.
  await orderRejected;
  expect(await outboxRows(page)).toEqual([{ state: "pending", lastErrorStatus: 401 }]);

  // The sale survives a reload of the login screen.
  await page.reload();
  await expect(page.getByText("1 unsent sale is kept on this register")).toBeVisible();

  // A manager logs in on the same register; its seat was freed by the revocation.
  await logIn(page, "manager");
  await expect(page.getByRole("status", { name: "Current cashier" })).toHaveText("Morgan Manager");

  // The kept sale goes to the store by itself, once.
  await expect(page.getByRole("status", { name: "Outbox status" })).toHaveText(
    "All sales are sent to the store.",
    { timeout: 30_000 },
  );
  expect((await outboxRows(page)).map((row) => row.state)).toEqual(["sent"]);
  expect(await storeOrderCount()).toBe(ordersBefore + 1);
});
