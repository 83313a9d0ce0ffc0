import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, testDialects, testPassword } from "../../test-support/test-server.js";
import type { TestServer } from "../../test-support/test-server.js";
import { withDeviceSessionTables } from "../../auth/device-session-schema.js";

describe.each(testDialects)("pos/v1 auth and roles on %s", (dialect) => {
  let server: TestServer;
  const login = (username: string, password: string, address = "10.0.0.1") =>
    server.app.inject({
      method: "POST",
      url: "/wp-json/pos/v1/auth/login",
      payload: { username, password },
      remoteAddress: address,
    });

  beforeAll(async () => {
    server = await startTestServer(dialect, { sampleData: false });
  });
  afterAll(() => server.close());

  it("logs in with the token pair and user", async () => {
    const response = await login("cashier", testPassword);
    expect(response.statusCode).toBe(200);
    const body = response.json<Record<string, unknown>>();
    expect(body).toMatchObject({
      token_type: "Bearer",
      expires_in: 900,
      user: { username: "cashier", display_name: "cashier", role: "cashier" },
    });
    expect(body["access_token"]).toEqual(expect.any(String) as unknown);
    expect(body["refresh_token"]).not.toBe(body["access_token"]);
  });

  it("rejects a blank register id with a 400", async () => {
    const response = await server.app.inject({
      method: "POST",
      url: "/wp-json/pos/v1/auth/login",
      payload: { username: "cashier", password: testPassword, register: "  " },
      remoteAddress: "10.0.0.3",
    });
    expect(response.statusCode).toBe(400);
    const sessions = await withDeviceSessionTables(server.store.db)
      .selectFrom("device_sessions")
      .select((eb) => eb.fn.countAll<number>().as("count"))
      .where("register", "=", "  ")
      .executeTakeFirstOrThrow();
    expect(Number(sessions.count)).toBe(0);
  });

  it("rejects a wrong password with pos_invalid_login", async () => {
    const response = await login("cashier", "wrong password", "10.0.0.2");
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: "pos_invalid_login", data: { status: 401 } });
    const unknown = await login("nobody", "whatever1", "10.0.0.2");
    expect(unknown.json()).toMatchObject({ code: "pos_invalid_login" });
  });

  it("stores token hashes, never tokens", async () => {
    const body = (await login("manager", testPassword)).json<{ access_token: string }>();
    const rows = await server.store.db.selectFrom("auth_tokens").select("token_hash").execute();
    expect(rows.some((row) => row.token_hash === body.access_token)).toBe(false);
    expect(rows.every((row) => /^[0-9a-f]{64}$/.test(row.token_hash))).toBe(true);
  });

  it("rotates the refresh token and refuses the old one", async () => {
    const first = (await login("cashier", testPassword)).json<{ refresh_token: string }>();
    const refresh = (token: string) =>
      server.app.inject({
        method: "POST",
        url: "/wp-json/pos/v1/auth/refresh",
        payload: { refresh_token: token },
      });
    const second = await refresh(first.refresh_token);
    expect(second.statusCode).toBe(200);
    const pair = second.json<{ access_token: string; refresh_token: string }>();
    expect(pair.refresh_token).not.toBe(first.refresh_token);
    const store = await server.app.inject({
      method: "GET",
      url: "/wp-json/pos/v1/store",
      headers: { authorization: `Bearer ${pair.access_token}` },
    });
    expect(store.statusCode).toBe(200);
    const again = await refresh(first.refresh_token);
    expect(again.statusCode).toBe(401);
    expect(again.json()).toMatchObject({ code: "pos_invalid_refresh_token" });
  });

  it("rate-limits failed logins per username", async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await login("manager", "bad password", `10.1.0.${attempt}`)).statusCode).toBe(401);
    }
    const limited = await login("manager", testPassword, "10.1.0.99");
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: "pos_too_many_logins", data: { status: 429 } });
  });

  it("rate-limits failed logins per address", async () => {
    for (let attempt = 0; attempt < 50; attempt += 1) {
      await login(`user${attempt}`, "bad password", "10.2.0.1");
    }
    const limited = await login("administrator", testPassword, "10.2.0.1");
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ data: { limit: "address" } });
    expect(limited.json<{ message: string }>().message).toContain("from this network address");
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    expect((await login("administrator", testPassword, "10.2.0.2")).statusCode).toBe(200);
  });

  it("limits parallel guesses per username", async () => {
    const guesses = await Promise.all(
      Array.from({ length: 30 }, (_, index) =>
        login("guesser", `wrong password ${index}`, `10.3.0.${index}`),
      ),
    );
    const checked = guesses.filter((guess) => guess.statusCode === 401);
    const limited = guesses.filter((guess) => guess.statusCode === 429);
    expect(checked).toHaveLength(5);
    expect(limited).toHaveLength(25);
    expect(limited[0]?.json()).toMatchObject({ data: { limit: "username" } });
  });

  it("keeps successful logins out of the address count", async () => {
    for (let attempt = 0; attempt < 51; attempt += 1) {
      expect((await login("administrator", testPassword, "10.4.0.1")).statusCode).toBe(200);
    }
  });

  it("requires a valid token on WooCommerce routes", async () => {
    const none = await server.app.inject({ method: "GET", url: "/wp-json/wc/v3/products" });
    expect(none.statusCode).toBe(401);
    expect(none.json()).toEqual({
      code: "woocommerce_rest_cannot_view",
      message: "Sorry, you cannot list resources.",
      data: { status: 401 },
    });
    const bad = await server.app.inject({
      method: "GET",
      url: "/wp-json/wc/v3/products",
      headers: { authorization: "Bearer not-a-token" },
    });
    expect(bad.statusCode).toBe(401);
  });

  it("checks each role's capability", async () => {
    const created = await server.app.inject({
      method: "POST",
      url: "/wp-json/wc/v3/customers",
      headers: server.auth.cashier,
      payload: { email: "role.test@example.test", first_name: "Role" },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json<{ id: number }>().id;
    const remove = (role: "cashier" | "manager") =>
      server.app.inject({
        method: "DELETE",
        url: `/wp-json/wc/v3/customers/${id}?force=true`,
        headers: server.auth[role],
      });
    const refused = await remove("cashier");
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: "woocommerce_rest_cannot_delete" });
    expect((await remove("manager")).statusCode).toBe(200);
  });

  it("answers ping without auth, GET and HEAD", async () => {
    const get = await server.app.inject({ method: "GET", url: "/wp-json/pos/v1/ping" });
    expect(get.statusCode).toBe(200);
    expect(get.json()).toMatchObject({
      ok: true,
      time_gmt: expect.stringMatching(/^\d{4}-/) as unknown,
    });
    const head = await server.app.inject({ method: "HEAD", url: "/wp-json/pos/v1/ping" });
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe("");
  });

  it("describes the API as OpenAPI", async () => {
    const response = await server.app.inject({
      method: "GET",
      url: "/wp-json/pos/v1/openapi.json",
    });
    expect(response.statusCode).toBe(200);
    const paths = Object.keys(response.json<{ paths: Record<string, unknown> }>().paths);
    expect(paths).toContain("/wp-json/wc/v3/orders");
    expect(paths).toContain("/wp-json/pos/v1/changes");
  });

  it("sends the store settings the till needs", async () => {
    const response = await server.app.inject({
      method: "GET",
      url: "/wp-json/pos/v1/store",
      headers: server.auth.cashier,
    });
    expect(response.json()).toMatchObject({
      currency: "USD",
      currency_symbol: "$",
      decimals: 2,
      prices_include_tax: false,
      tax_round_at_subtotal: false,
      calc_taxes: true,
      address: { country: "US", state: "CA" },
      offline_sales: { cash: true, external_card: true },
    });
  });
});
