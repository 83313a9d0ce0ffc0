import { closeTillSession, openTillSession, recordCashMovement, toMoney } from "@pos/core";
import type { TillSession } from "@pos/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refreshLogins, sell, TestClock } from "../../reports/report-test-helpers.js";
import { startTestServer, testDialects } from "../../test-support/test-server.js";
import type { TestServer } from "../../test-support/test-server.js";

const at = (time: string) => new Date(`2026-03-10T${time}:00Z`);

function shift(id: string, registerId = "R1"): TillSession[] {
  const opened = openTillSession(
    {
      id,
      registerId,
      cashierId: 7,
      currency: { code: "USD", decimals: 2 },
      openingFloat: toMoney(10000),
    },
    at("08:00"),
  );
  const withCashIn = recordCashMovement(
    opened,
    { kind: "in", amount: toMoney(2000), reason: "change from the safe", cashierId: 7 },
    at("09:00"),
  );
  const closed = closeTillSession(withCashIn, toMoney(15500), at("18:00"));
  return [opened, withCashIn, closed];
}

describe.each(testDialects)("pos/v1 till sessions on %s", (dialect) => {
  let server: TestServer;
  const clock = new TestClock(at("08:00"));
  const put = (session: TillSession, headers = server.auth.cashier) =>
    server.app.inject({
      method: "PUT",
      url: `/wp-json/pos/v1/till-sessions/${session.id}`,
      headers,
      payload: session,
    });
  const get = (path: string) =>
    server.app.inject({
      method: "GET",
      url: `/wp-json/pos/v1${path}`,
      headers: server.auth.manager,
    });

  beforeAll(async () => {
    server = await startTestServer(dialect, {
      now: clock.now,
      settings: { woocommerce_calc_taxes: "no" },
    });
  });
  afterAll(() => server.close());

  it("stores each step once", async () => {
    const [opened, withCashIn, closed] = shift("s-1");
    expect((await put(opened!)).statusCode).toBe(201);
    expect((await put(opened!)).statusCode).toBe(200);
    expect((await put(withCashIn!)).statusCode).toBe(200);
    expect((await put(closed!)).statusCode).toBe(200);
    const stored = (await get("/till-sessions/s-1")).json<TillSession>();
    expect(stored).toEqual(closed);
  });

  it("lists sessions per register", async () => {
    await put(shift("s-2", "R2")[0]!);
    const r1 = (await get("/till-sessions?register=R1")).json<TillSession[]>();
    expect(r1.map((session) => session.id)).toEqual(["s-1"]);
    const r2 = await get("/till-sessions?register=R2");
    expect(r2.json<TillSession[]>().map((session) => session.id)).toEqual(["s-2"]);
    expect(r2.headers["x-wp-total"]).toBe("1");
  });

  it("rejects reopening a closed session", async () => {
    const [opened] = shift("s-1");
    const response = await put(opened!);
    expect(response.statusCode).toBe(409);
    expect(response.json<{ message: string }>().message).toMatch(/s-1 was already closed/);
    expect((await get("/till-sessions/s-1")).json<TillSession>().closedAtGmt).not.toBeNull();
  });

  it("rejects an invalid body", async () => {
    const [opened] = shift("s-3");
    const response = await put({ ...opened!, openingFloat: -5 as never });
    expect(response.statusCode).toBe(400);
    expect((await get("/till-sessions/s-3")).statusCode).toBe(404);
  });

  it("rejects a body sent to another id", async () => {
    const [opened] = shift("s-4");
    const response = await server.app.inject({
      method: "PUT",
      url: "/wp-json/pos/v1/till-sessions/s-5",
      headers: server.auth.cashier,
      payload: opened!,
    });
    expect(response.statusCode).toBe(400);
  });

  it("needs a login", async () => {
    const response = await put(shift("s-6")[0]!, {} as never);
    expect(response.statusCode).toBe(401);
  });

  it("builds the Z report from store orders", async () => {
    clock.set("2026-03-10T10:00:00Z");
    await refreshLogins(server);
    // Beanie 18.00 paid with 20.00 cash on R1: the drawer gains 18.00.
    await sell(server, {
      sku: "woo-beanie",
      quantity: 1,
      tenders: [{ method: "pos_cash", title: "Cash", amount: "20.00", change: "2.00" }],
      register: "R1",
    });
    const response = await get("/till-sessions/s-1/z-report");
    expect(response.statusCode).toBe(200);
    const z = response.json<{ cash: { expected: number }; difference: number; sales: number }>();
    expect(z.sales).toBe(1);
    // 100.00 float + 20.00 cash in + 18.00 sale = 138.00; counted 155.00, so 17.00 over.
    expect(z.cash.expected).toBe(13800);
    expect(z.difference).toBe(1700);
  });
});
