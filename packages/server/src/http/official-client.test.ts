import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { Agent } from "node:https";
import { tmpdir } from "node:os";
import path from "node:path";
import wooRestApiModule from "@woocommerce/woocommerce-rest-api";
import type { IWooCommerceRestApiOptions } from "@woocommerce/woocommerce-rest-api";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../build-app.js";
import { createApiKey } from "../auth/api-key-store.js";
import { createUser } from "../auth/user-store.js";
import { demoDataDir } from "../demo/seed-demo-store.js";
import type { StoreDatabase } from "../db/store-database.js";
import { importProductCsv } from "../importer/import-product-csv.js";
import { openTestStore, testDialects } from "../test-support/test-server.js";

// The package is CommonJS with `exports.default`: Node's ESM loader hands over the exports
// object, vitest the class itself.
const WooCommerceRestApi = ("default" in wooRestApiModule
  ? wooRestApiModule.default
  : wooRestApiModule) as unknown as new (options: IWooCommerceRestApiOptions) => RestClient;

/** The client's calls used here, with axios's reply as the package's typings leave it open. */
interface RestClient {
  get(endpoint: string, params?: object): Promise<ClientReply>;
  post(endpoint: string, data: object): Promise<ClientReply>;
  put(endpoint: string, data: object): Promise<ClientReply>;
  delete(endpoint: string, params?: object): Promise<ClientReply>;
}

interface ClientReply {
  status: number;
  data: unknown;
  headers: Record<string, string | undefined>;
}

interface Keys {
  consumerKey: string;
  consumerSecret: string;
}

/** A self-signed certificate for 127.0.0.1, made with Debian's openssl for this run only. */
async function selfSignedCertificate(): Promise<{ key: string; cert: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), "pos-tls-"));
  try {
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-keyout",
        `${dir}/key.pem`,
        "-out",
        `${dir}/cert.pem`,
        "-days",
        "1",
        "-subj",
        "/CN=127.0.0.1",
        "-addext",
        "subjectAltName=IP:127.0.0.1",
      ],
      { stdio: "pipe" },
    );
    return {
      key: await readFile(`${dir}/key.pem`, "utf8"),
      cert: await readFile(`${dir}/cert.pem`, "utf8"),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The error body of a failed call of the official client (it rejects with axios's error). */
async function failureOf(call: Promise<unknown>): Promise<{ status?: number; code?: string }> {
  try {
    await call;
  } catch (error) {
    const response = (error as { response?: { status: number; data: { code?: string } } }).response;
    return { status: response?.status, code: response?.data.code };
  }
  return {};
}

describe.each(testDialects)(
  "the official WooCommerce client against the server on %s",
  (dialect) => {
    let store: StoreDatabase;
    let cleanup: () => Promise<void>;
    const apps: FastifyInstance[] = [];
    let readWrite: Keys;
    let readOnly: Keys;
    let httpUrl = "";
    let httpsUrl = "";
    let certificate: { key: string; cert: string };

    beforeAll(async () => {
      ({ store, cleanup } = await openTestStore(dialect));
      const csv = await readFile(`${demoDataDir}sample_products.csv`, "utf8");
      await importProductCsv(store, csv, () => new Date());
      const admin = await createUser(
        store.db,
        { username: "shop", displayName: "Shop", role: "administrator", password: "long password" },
        "2026-12-04T00:00:00",
      );
      readWrite = await createApiKey(store.db, admin.id, "read_write", "rw", "2026-12-04T00:00:00");
      readOnly = await createApiKey(store.db, admin.id, "read", "ro", "2026-12-04T00:00:00");
      certificate = await selfSignedCertificate();
      const plain = await buildApp({ store });
      const secure = await buildApp({ store, tls: certificate });
      apps.push(plain, secure);
      httpUrl = await plain.listen({ host: "127.0.0.1", port: 0 });
      // Fastify reports http:// for a server made by serverFactory; it serves https.
      httpsUrl = (await secure.listen({ host: "127.0.0.1", port: 0 })).replace("http:", "https:");
    }, 60_000);
    afterAll(async () => {
      await Promise.all(apps.map((app) => app.close()));
      await cleanup();
    });

    const clients = () => [
      { name: "OAuth 1.0a over http", url: httpUrl, axiosConfig: {} },
      {
        name: "HTTP Basic over https",
        url: httpsUrl,
        axiosConfig: { httpsAgent: new Agent({ ca: certificate.cert }) },
      },
    ];
    const clientFor = (transport: ReturnType<typeof clients>[number], keys: Keys) =>
      new WooCommerceRestApi({
        url: transport.url,
        version: "wc/v3",
        ...keys,
        axiosConfig: transport.axiosConfig,
      });

    it("lists, creates, updates and deletes a product and creates an order, on both transports", async () => {
      for (const transport of clients()) {
        const api = clientFor(transport, readWrite);
        const list = await api.get("products", { per_page: 5, orderby: "id", order: "asc" });
        expect(list.status, transport.name).toBe(200);
        expect((list.data as unknown[]).length).toBe(5);
        expect(list.headers["x-wp-total"]).toBeDefined();

        // Over http the client sends a list as include[0]=…&include[1]=…, as PHP reads it.
        const ids = (list.data as { id: number }[]).slice(0, 2).map((product) => product.id);
        const included = await api.get("products", { include: ids });
        expect(
          (included.data as { id: number }[]).map((product) => product.id).sort(),
          transport.name,
        ).toEqual([...ids].sort());

        const sku = `client-${transport.url.slice(0, 5)}-${Date.now()}`;
        const created = await api.post("products", {
          name: "Client Mug",
          sku,
          regular_price: "7.50",
          manage_stock: true,
          stock_quantity: 10,
        });
        expect(created.status).toBe(201);
        const productId = (created.data as { id: number }).id;

        const updated = await api.put(`products/${productId}`, { regular_price: "8.25" });
        expect((updated.data as { price: string }).price).toBe("8.25");

        const order = await api.post("orders", {
          set_paid: true,
          line_items: [{ product_id: productId, quantity: 2 }],
        });
        expect(order.status).toBe(201);
        expect((order.data as { total: string; status: string }).status).toBe("processing");
        expect((order.data as { line_items: { total: string }[] }).line_items[0]?.total).toBe(
          "16.50",
        );
        const after = await api.get(`products/${productId}`);
        expect((after.data as { stock_quantity: number }).stock_quantity).toBe(8);

        const deleted = await api.delete(`products/${productId}`, { force: true });
        expect((deleted.data as { id: number }).id).toBe(productId);
        expect(await failureOf(api.get(`products/${productId}`))).toEqual({
          status: 404,
          code: "woocommerce_rest_product_invalid_id",
        });
      }
    });

    it("refuses writes with a read-only key as WooCommerce does, on both transports", async () => {
      for (const transport of clients()) {
        const api = clientFor(transport, readOnly);
        expect((await api.get("products", { per_page: 1 })).status, transport.name).toBe(200);
        expect(await failureOf(api.post("products", { name: "Nope" }))).toEqual({
          status: 401,
          code: "woocommerce_rest_authentication_error",
        });
        expect(
          await store.db.selectFrom("products").select("id").where("name", "=", "Nope").execute(),
        ).toEqual([]);
      }
    });
  },
);
