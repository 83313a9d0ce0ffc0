import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../build-app.js";
import { createApiKey } from "../auth/api-key-store.js";
import { createUser } from "../auth/user-store.js";
import type { StoreDatabase } from "../db/store-database.js";
import { openTestStore, testDialects } from "../test-support/test-server.js";

describe.each(testDialects)("consumer key auth on %s", (dialect) => {
  let app: FastifyInstance;
  let cleanup: () => Promise<void>;
  let store: StoreDatabase;
  let readWrite: { consumerKey: string; consumerSecret: string };
  let readOnly: { consumerKey: string; consumerSecret: string };
  const basic = (key: string, secret: string) =>
    `Basic ${Buffer.from(`${key}:${secret}`).toString("base64")}`;
  const request = (
    method: "GET" | "POST",
    url: string,
    authorization: string,
    protocol = "https",
  ) =>
    app.inject({
      method,
      url,
      headers: { authorization, "x-forwarded-proto": protocol },
      ...(method === "POST" ? { payload: { email: `key${Math.random()}@example.test` } } : {}),
    });

  beforeAll(async () => {
    const opened = await openTestStore(dialect);
    cleanup = opened.cleanup;
    store = opened.store;
    const user = await createUser(
      opened.store.db,
      { username: "boss", displayName: "Boss", role: "manager", password: "long enough pass" },
      "2026-12-04T00:00:00",
    );
    readWrite = await createApiKey(
      opened.store.db,
      user.id,
      "read_write",
      "test",
      "2026-12-04T00:00:00",
    );
    readOnly = await createApiKey(opened.store.db, user.id, "read", "test", "2026-12-04T00:00:00");
    app = await buildApp({ store: opened.store, trustProxy: true });
  });
  afterAll(async () => {
    await app.close();
    await cleanup();
  });

  it("accepts HTTP Basic over https", async () => {
    const response = await request(
      "GET",
      "/wp-json/wc/v3/products",
      basic(readWrite.consumerKey, readWrite.consumerSecret),
    );
    expect(response.statusCode).toBe(200);
  });

  it("accepts query parameters over https", async () => {
    const url = `/wp-json/wc/v3/products?consumer_key=${readWrite.consumerKey}&consumer_secret=${readWrite.consumerSecret}`;
    expect((await request("GET", url, "")).statusCode).toBe(200);
  });

  it("ignores Basic over plain http", async () => {
    const response = await request(
      "GET",
      "/wp-json/wc/v3/products",
      basic(readWrite.consumerKey, readWrite.consumerSecret),
      "http",
    );
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: "woocommerce_rest_cannot_view" });
  });

  it("logs no consumer secret", async () => {
    const lines: string[] = [];
    const stream = { write: (line: string) => void lines.push(line) };
    const logged = await buildApp({ store, trustProxy: true, logger: { level: "info", stream } });
    const url = `/wp-json/wc/v3/products?consumer_key=${readWrite.consumerKey}&consumer_secret=${readWrite.consumerSecret}`;
    const response = await logged.inject({
      method: "GET",
      url,
      headers: { "x-forwarded-proto": "https" },
    });
    await logged.close();
    expect(response.statusCode).toBe(200);
    expect(lines.join("")).toContain("consumer_secret=%5Bredacted%5D");
    expect(lines.join("")).not.toContain(readWrite.consumerSecret);
  });

  it("rejects an unknown key and a wrong secret", async () => {
    const unknown = await request(
      "GET",
      "/wp-json/wc/v3/products",
      basic("ck_nope", readWrite.consumerSecret),
    );
    expect(unknown.json()).toEqual({
      code: "woocommerce_rest_cannot_view",
      message: "Sorry, you cannot list resources.",
      data: { status: 401 },
    });
    const wrong = await request(
      "GET",
      "/wp-json/wc/v3/products",
      basic(readWrite.consumerKey, "cs_wrong"),
    );
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toEqual({
      code: "woocommerce_rest_authentication_error",
      message: "Consumer secret is invalid.",
      data: { status: 401 },
    });
  });

  it("rejects writes with a read-only key", async () => {
    const auth = basic(readOnly.consumerKey, readOnly.consumerSecret);
    expect((await request("GET", "/wp-json/wc/v3/customers", auth)).statusCode).toBe(200);
    const write = await request("POST", "/wp-json/wc/v3/customers", auth);
    expect(write.statusCode).toBe(401);
    expect(write.json()).toEqual({
      code: "woocommerce_rest_authentication_error",
      message: "The API key provided does not have write permissions.",
      data: { status: 401 },
    });
    expect(
      (
        await request(
          "POST",
          "/wp-json/wc/v3/customers",
          basic(readWrite.consumerKey, readWrite.consumerSecret),
        )
      ).statusCode,
    ).toBe(201);
  });
});
