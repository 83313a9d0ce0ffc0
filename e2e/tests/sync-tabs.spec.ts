import {
  createServer,
  request,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import { expect, test, type Page } from "@playwright/test";
import { demoPassword, StoreServer } from "../support/store-server.js";
import { waitForCatalogue } from "../support/till-page.js";

/** The pos/v1 routes that only the sync engine calls. */
const syncRoutes = /^\/wp-json\/pos\/v1\/(changes|snapshot)\b/;

/**
 * An HTTP proxy in front of the store server that counts the sync requests the server gets.
 * The till is loaded through it, so every request of every tab and worker passes here.
 */
class CountingProxy {
  syncRequests = 0;
  private readonly server: Server;

  constructor(private readonly target: StoreServer) {
    this.server = createServer((incoming, outgoing) => this.forward(incoming, outgoing));
  }

  get url(): string {
    const address = this.server.address();
    const port = typeof address === "object" && address ? address.port : 0;
    return `http://127.0.0.1:${port}`;
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private forward(incoming: IncomingMessage, outgoing: ServerResponse): void {
    const path = incoming.url ?? "/";
    if (syncRoutes.test(path)) this.syncRequests++;
    const forwarded = request(
      {
        host: "127.0.0.1",
        port: this.target.port,
        path,
        method: incoming.method,
        headers: { ...incoming.headers, host: `127.0.0.1:${this.target.port}` },
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forwarded.on("error", () => outgoing.destroy());
    incoming.pipe(forwarded);
  }
}

let store: StoreServer;
let proxy: CountingProxy;

test.beforeAll(async () => {
  store = await StoreServer.launch();
  proxy = new CountingProxy(store);
  await proxy.listen();
});

test.afterAll(async () => {
  await proxy.stop();
  await store.dispose();
});

/** Sends a request to the store's REST API as the demo manager and returns the parsed body. */
async function storeApi(method: string, path: string, body?: unknown): Promise<unknown> {
  const login = await fetch(`${store.url}/wp-json/pos/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "manager", password: demoPassword }),
  });
  const { access_token } = (await login.json()) as { access_token: string };
  const response = await fetch(`${store.url}/wp-json${path}`, {
    method,
    headers: { authorization: `Bearer ${access_token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path} failed with ${response.status}`);
  return response.json();
}

/** Renames a published simple product (the `position`-th by id) on the store. */
async function renameAProduct(name: string, position: number): Promise<void> {
  const products = (await storeApi("GET", "/wc/v3/products?per_page=50&orderby=id")) as {
    id: number;
    type: string;
    status: string;
  }[];
  const simple = products.filter((product) => product.type === "simple");
  const target = simple.filter((product) => product.status === "publish")[position];
  if (!target) throw new Error(`the demo store has fewer than ${position + 1} simple products`);
  await storeApi("PUT", `/wc/v3/products/${target.id}`, { name });
}

/** Counts the sync requests a tab's page and its dedicated worker send. */
function countSyncRequests(page: Page): { count: number } {
  const counter = { count: 0 };
  page.on("request", (sent) => {
    if (syncRoutes.test(new URL(sent.url()).pathname)) counter.count++;
  });
  return counter;
}

async function logIn(page: Page): Promise<void> {
  await page.goto(proxy.url);
  await page.getByLabel("Username").fill("cashier");
  await page.getByLabel("Password").fill(demoPassword);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("searchbox", { name: "Search products" })).toBeVisible();
  await waitForCatalogue(page);
}

async function showScreen(page: Page, name: string): Promise<void> {
  const screens = page.getByRole("navigation", { name: "Screens" });
  await screens.getByRole("button", { name }).click();
}

async function expectSyncingTab(page: Page, text: string): Promise<void> {
  await showScreen(page, "Store health");
  const sync = page.getByRole("main", { name: "Store health" }).getByLabel("Sync", { exact: true });
  await expect(sync.getByText(text, { exact: true })).toBeVisible();
}

async function expectFound(page: Page, text: string, name: string): Promise<void> {
  await showScreen(page, "Sell");
  await page.getByRole("searchbox", { name: "Search products" }).fill(text);
  await expect(page.getByRole("button", { name: new RegExp(`^${name}`) })).toHaveCount(1);
}

test("one tab syncs, the other follows live and takes over", async ({ context }) => {
  const first = await context.newPage();
  const firstRequests = countSyncRequests(first);
  await logIn(first);
  await expectSyncingTab(first, "this tab");

  // The second tab opens on the saved session and builds its index from IndexedDB.
  const second = await context.newPage();
  const secondRequests = countSyncRequests(second);
  await second.goto(proxy.url);
  await waitForCatalogue(second);
  await expectSyncingTab(second, "another tab of this till");
  expect(firstRequests.count).toBeGreaterThan(0);
  expect(secondRequests.count).toBe(0);
  await expect.poll(() => proxy.syncRequests).toBe(firstRequests.count);

  // A product renamed on the store reaches both tabs' search. The second tab's "Sync now"
  // and its focus event reach the leader, which pulls at once instead of at its next poll.
  await renameAProduct("Quokka lantern", 0);
  const beforePoke = proxy.syncRequests;
  await second.getByRole("button", { name: "Sync now" }).click();
  await expect.poll(() => proxy.syncRequests).toBeGreaterThan(beforePoke);
  await expectFound(second, "quokka", "Quokka lantern");
  await expectFound(first, "quokka", "Quokka lantern");

  const beforeFocus = proxy.syncRequests;
  await second.evaluate(() => window.dispatchEvent(new Event("focus")));
  await expect.poll(() => proxy.syncRequests).toBeGreaterThan(beforeFocus);

  // With two tabs open, every sync request the server got came from the first tab.
  expect(secondRequests.count).toBe(0);
  await expect.poll(() => proxy.syncRequests).toBe(firstRequests.count);

  // Closing the leader's tab releases its lock: the second tab starts syncing.
  await first.close();
  await expectSyncingTab(second, "this tab");
  await renameAProduct("Wombat kettle", 1);
  await second.getByRole("button", { name: "Sync now" }).click();
  await expectFound(second, "wombat", "Wombat kettle");
  expect(secondRequests.count).toBeGreaterThan(0);
  await expect.poll(() => proxy.syncRequests).toBe(firstRequests.count + secondRequests.count);
});
