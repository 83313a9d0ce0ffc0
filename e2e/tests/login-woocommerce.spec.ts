import { execFileSync } from "node:child_process";
import {
  createServer,
  request,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import { fileURLToPath } from "node:url";
import { expect, test, type Page } from "@playwright/test";
import { StoreServer } from "../support/store-server.js";
import { waitForCatalogue } from "../support/till-page.js";

const cliPath = fileURLToPath(new URL("../../packages/server/dist/cli.js", import.meta.url));

interface WireOrder {
  id: number;
  status: string;
  total: string;
  line_items: { sku: string; quantity: number }[];
}

/**
 * A proxy in front of the store server that returns WordPress's 404 for an unknown route to
 * every pos/v1 request, so the till sees a plain WooCommerce store. The store server has no
 * switch of its own for this. The Host header is passed on unchanged, because the consumer
 * key's OAuth 1.0a signature covers the address the till sent the request to.
 */
class WooCommerceOnlyProxy {
  posRequests = 0;
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
    if (path.startsWith("/wp-json/pos/v1/") || path.startsWith("/wp-json/pos/v1?")) {
      this.posRequests++;
      incoming.resume();
      outgoing.writeHead(404, { "content-type": "application/json; charset=UTF-8" });
      outgoing.end(
        JSON.stringify({
          code: "rest_no_route",
          message: "No route was found matching the URL and request method.",
          data: { status: 404 },
        }),
      );
      return;
    }
    const forwarded = request(
      {
        host: "127.0.0.1",
        port: this.target.port,
        path,
        method: incoming.method,
        headers: incoming.headers,
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

/**
 * Creates an administrator and a read and write consumer key for it with the server's CLI. The
 * key's user must be an administrator, because the till reads the store's settings, which need
 * `manage_woocommerce` on WooCommerce and `manage_store` on our server.
 */
function createConsumerKey(store: StoreServer): { key: string; secret: string } {
  const env = { ...process.env, DATA_DIR: store.dataDir, POS_USER_PASSWORD: "owner-password-1" };
  execFileSync(
    process.execPath,
    [cliPath, "create-user", "--username", "owner", "--role", "administrator"],
    { env, encoding: "utf8" },
  );
  const output = execFileSync(
    process.execPath,
    [cliPath, "create-api-key", "--username", "owner", "--permissions", "read_write"],
    { env, encoding: "utf8" },
  );
  const key = /consumer key:\s+(ck_\w+)/.exec(output)?.[1];
  const secret = /consumer secret:\s+(cs_\w+)/.exec(output)?.[1];
  if (key === undefined || secret === undefined) {
    throw new Error(`create-api-key printed no key and secret:\n${output}`);
  }
  return { key, secret };
}

/**
 * Creates an administrator and an application password for it with the server's CLI, and
 * returns the password as the CLI prints it: six groups of four characters.
 */
function createApplicationPassword(store: StoreServer): string {
  const env = { ...process.env, DATA_DIR: store.dataDir, POS_USER_PASSWORD: "wpadmin-password-1" };
  execFileSync(
    process.execPath,
    [
      cliPath,
      ...["create-user", "--username", "wpadmin", "--role", "administrator"],
      ...["--display-name", "Wendy Admin"],
    ],
    { env, encoding: "utf8" },
  );
  const output = execFileSync(
    process.execPath,
    [cliPath, "create-app-password", "--user", "wpadmin", "--name", "Front till"],
    { env, encoding: "utf8" },
  );
  const password = /^([A-Za-z0-9]{4}(?: [A-Za-z0-9]{4}){5})$/m.exec(output)?.[1];
  if (password === undefined) {
    throw new Error(`create-app-password printed no password:\n${output}`);
  }
  return password;
}

let store: StoreServer;
let proxy: WooCommerceOnlyProxy;

test.beforeAll(async () => {
  store = await StoreServer.launch();
  proxy = new WooCommerceOnlyProxy(store);
  await proxy.listen();
});

test.afterAll(async () => {
  await proxy.stop();
  await store.dispose();
});

test("connects with a consumer key, syncs by wc/v3 and sells", async ({ page }) => {
  const credentials = createConsumerKey(store);
  const ordersBefore = (await store.api("/wc/v3/orders?per_page=100")) as WireOrder[];

  // With pos/v1 on, the till sends a consumer key away, because only a login takes a seat.
  await page.goto(store.url);
  await page.getByLabel("Connect with").selectOption({ label: "WooCommerce consumer key" });
  await page.getByLabel("Consumer key").fill(credentials.key);
  await page.getByLabel("Consumer secret").fill(credentials.secret);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("alert")).toContainText("is a point-of-sale store server");
  await expect(page.getByRole("alert")).toContainText('choose "Store server login"');

  await page.goto(proxy.url);
  await page.getByLabel("Store address").fill(proxy.url);
  await page.getByLabel("Connect with").selectOption({ label: "WooCommerce consumer key" });

  // A wrong secret is rejected with a message, and the till stays on the login screen.
  await page.getByLabel("Consumer key").fill(credentials.key);
  await page.getByLabel("Consumer secret").fill(`${credentials.secret}x`);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("alert")).toHaveText(
    "Wrong username, password or key. Check them and try again.",
  );
  await expect(page.getByRole("searchbox", { name: "Search products" })).toBeHidden();

  await page.getByLabel("Consumer secret").fill(credentials.secret);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("searchbox", { name: "Search products" })).toBeVisible();
  await waitForCatalogue(page);
  // The till probed pos/v1, got the 404 and went on with wc/v3 only.
  expect(proxy.posRequests).toBeGreaterThan(0);

  await sellBeanieAndFindOrder(page, ordersBefore);
});

test("connects with an application password, syncs by wc/v3 and sells", async ({ page }) => {
  const password = createApplicationPassword(store);
  expect(password).toMatch(/^([A-Za-z0-9]{4} ){5}[A-Za-z0-9]{4}$/);
  const ordersBefore = (await store.api("/wc/v3/orders?per_page=100")) as WireOrder[];

  await page.goto(proxy.url);
  await page.getByLabel("Store address").fill(proxy.url);
  await page.getByLabel("Connect with").selectOption({ label: "WordPress application password" });
  await page.getByLabel("WordPress username").fill("wpadmin");

  // A wrong application password is rejected with a message, and the till stays on the login
  // screen.
  await page.getByLabel("Application password").fill("AAAA BBBB CCCC DDDD EEEE FFFF");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("alert")).toHaveText(
    "Wrong username, password or key. Check them and try again.",
  );
  await expect(page.getByRole("searchbox", { name: "Search products" })).toBeHidden();

  await page.getByLabel("Application password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("searchbox", { name: "Search products" })).toBeVisible();
  await waitForCatalogue(page);
  // The till named the user from wp/v2/users/me.
  await expect(page.getByRole("status", { name: "Current cashier" })).toHaveText("Wendy Admin");

  await sellBeanieAndFindOrder(page, ordersBefore);

  // The server recorded where the password was used from, and revoking it shuts it out.
  const basic = Buffer.from(`wpadmin:${password}`).toString("base64");
  const headers = { authorization: `Basic ${basic}` };
  const me = (await (await fetch(`${store.url}/wp-json/wp/v2/users/me`, { headers })).json()) as {
    id: number;
  };
  const listUrl = `${store.url}/wp-json/wp/v2/users/${me.id}/application-passwords`;
  const items = (await (await fetch(listUrl, { headers })).json()) as {
    uuid: string;
    name: string;
    last_ip: string | null;
  }[];
  expect(items.map((item) => item.name)).toEqual(["Front till"]);
  expect(items[0]?.last_ip).toBe("127.0.0.1");
  const revoked = await fetch(`${listUrl}/${items[0]?.uuid}`, { method: "DELETE", headers });
  expect(revoked.status).toBe(200);
  const after = await fetch(`${store.url}/wp-json/wc/v3/products?per_page=1`, { headers });
  expect(after.status).toBe(401);
});

/** Sells one beanie for cash and checks that exactly that order reached the store. */
async function sellBeanieAndFindOrder(page: Page, ordersBefore: readonly WireOrder[]) {
  await page.getByRole("searchbox", { name: "Search products" }).fill("beanie");
  await page
    .getByRole("button", { name: /^Beanie\b/ })
    .first()
    .click();
  const cart = page.getByRole("region", { name: "Cart" });
  await expect(cart.getByText("Beanie", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Checkout" }).click();
  await page.getByLabel("Amount tendered").fill("50");
  await page.getByRole("button", { name: "Complete sale" }).click();
  await expect(page.getByText(/Order #\d+/)).toBeVisible();

  await expect(async () => {
    const orders = (await store.api("/wc/v3/orders?per_page=100")) as WireOrder[];
    expect(orders).toHaveLength(ordersBefore.length + 1);
  }).toPass({ timeout: 30_000 });
  const orders = (await store.api("/wc/v3/orders?per_page=100")) as WireOrder[];
  const known = new Set(ordersBefore.map((order) => order.id));
  const sold = orders.find((order) => !known.has(order.id));
  expect(sold?.line_items.map((line) => `${line.sku}×${line.quantity}`)).toEqual(["woo-beanie×1"]);
}
