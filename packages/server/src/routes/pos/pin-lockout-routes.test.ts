import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refreshLogins, TestClock } from "../../reports/report-test-helpers.js";
import { startTestServer, testDialects, testPassword } from "../../test-support/test-server.js";
import type { TestServer } from "../../test-support/test-server.js";

interface CashierWire {
  id: number;
  username: string;
  locked: boolean;
  locked_gmt: string | null;
  locked_until_gmt: string | null;
  locked_by: { register_name: string | null; user_id: number; user_name: string | null } | null;
}

describe.each(testDialects)("pos/v1 PIN lockouts from tills on %s", (dialect) => {
  let server: TestServer;
  let cashierId: number;
  const clock = new TestClock(new Date("2026-12-04T09:00:00Z"));

  const cashier = async () => {
    const response = await server.app.inject({
      method: "GET",
      url: "/wp-json/pos/v1/cashiers",
      headers: server.auth.cashier,
    });
    const body = response.json<{ cashiers: CashierWire[] }>();
    return body.cashiers.find((user) => user.id === cashierId)!;
  };
  /** Logs the cashier in as the till of register "register-front", named "RFRONT". */
  const tillHeaders = async () => {
    const login = await server.app.inject({
      method: "POST",
      url: "/wp-json/pos/v1/auth/login",
      payload: {
        username: "cashier",
        password: testPassword,
        register: "register-front",
        register_name: "RFRONT",
      },
    });
    expect(login.statusCode).toBe(200);
    return { authorization: `Bearer ${login.json<{ access_token: string }>().access_token}` };
  };
  const reportAs = (
    headers: { authorization: string },
    lockedAtGmt: string,
    userId: number | string = cashierId,
  ) =>
    server.app.inject({
      method: "POST",
      url: `/wp-json/pos/v1/users/${userId}/pin/lockout`,
      headers,
      payload: { locked_at_gmt: lockedAtGmt, register: "register-front" },
    });
  const report = async (lockedAtGmt: string, userId: number | string = cashierId) =>
    reportAs(await tillHeaders(), lockedAtGmt, userId);
  const verify = (pin: string) =>
    server.app.inject({
      method: "POST",
      url: `/wp-json/pos/v1/users/${cashierId}/pin/verify`,
      headers: server.auth.cashier,
      payload: { pin },
    });
  const unlock = () =>
    server.app.inject({
      method: "POST",
      url: `/wp-json/pos/v1/users/${cashierId}/pin/unlock`,
      headers: server.auth.manager,
    });
  const moveClock = async (iso: string) => {
    clock.set(iso);
    await refreshLogins(server);
  };

  beforeAll(async () => {
    server = await startTestServer(dialect, { sampleData: false, now: clock.now });
    await refreshLogins(server);
    const list = await server.app.inject({
      method: "GET",
      url: "/wp-json/pos/v1/cashiers",
      headers: server.auth.cashier,
    });
    cashierId = list
      .json<{ cashiers: CashierWire[] }>()
      .cashiers.find((user) => user.username === "cashier")!.id;
    const setPin = await server.app.inject({
      method: "PUT",
      url: `/wp-json/pos/v1/users/${cashierId}/pin`,
      headers: server.auth.manager,
      payload: { pin: "4821" },
    });
    expect(setPin.statusCode).toBe(200);
  });
  afterAll(() => server.close());

  it("locks the user for every till", async () => {
    await moveClock("2026-12-04T09:10:00Z");

    const response = await report("2026-12-04T09:05:00Z");

    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      user_id: cashierId,
      locked: true,
      locked_gmt: "2026-12-04T09:05:00",
      locked_until_gmt: "2026-12-04T09:35:00",
    });
    expect(await cashier()).toMatchObject({
      locked: true,
      locked_gmt: "2026-12-04T09:05:00",
      locked_until_gmt: "2026-12-04T09:35:00",
      locked_by: { register_name: "RFRONT", user_id: cashierId, user_name: "cashier" },
    });
  });

  it("refuses the right PIN while locked", async () => {
    const response = await verify("4821");

    expect(response.statusCode).toBe(423);
    expect(response.json()).toMatchObject({ code: "pos_pin_locked" });
  });

  it("keeps one lock when a till resends", async () => {
    const again = await report("2026-12-04T09:05:00Z");

    expect(again.json()).toMatchObject({ locked: true, locked_until_gmt: "2026-12-04T09:35:00" });
  });

  it("ends the lock when it expires", async () => {
    await moveClock("2026-12-04T09:35:01Z");

    expect(await cashier()).toMatchObject({ locked: false, locked_until_gmt: null });
    expect((await verify("4821")).statusCode).toBe(200);
  });

  it("ignores a lockout that already ended", async () => {
    const response = await report("2026-12-04T09:00:00Z");

    expect(response.json()).toEqual({ user_id: cashierId, locked: false, reason: "expired" });
    expect((await cashier()).locked).toBe(false);
  });

  it("lets a manager unlock early", async () => {
    await moveClock("2026-12-04T10:00:00Z");
    expect((await report("2026-12-04T09:59:00Z")).json()).toMatchObject({ locked: true });

    expect((await unlock()).statusCode).toBe(200);

    expect((await cashier()).locked).toBe(false);
    expect((await verify("4821")).statusCode).toBe(200);
  });

  it("ignores a lockout from before the unlock", async () => {
    // A till offline since 09:59 sends the lockout the manager has already dealt with.
    const response = await report("2026-12-04T09:59:00Z");

    expect(response.json()).toMatchObject({ locked: false, reason: "unlocked-since" });
    expect((await cashier()).locked).toBe(false);
  });

  it("takes a till clock ahead as now", async () => {
    await moveClock("2026-12-04T11:00:00Z");

    const response = await report("2026-12-04T13:00:00Z");

    expect(response.json()).toMatchObject({
      locked: true,
      locked_gmt: "2026-12-04T11:00:00",
      locked_until_gmt: "2026-12-04T11:30:00",
    });
    expect((await unlock()).statusCode).toBe(200);
  });

  it("rejects an instant that is not one", async () => {
    const response = await report("yesterday");

    expect(response.statusCode).toBe(400);
    expect(response.json<{ data: { params: Record<string, string> } }>().data.params).toEqual({
      locked_at_gmt:
        'locked_at_gmt "yesterday" is not a valid ISO 8601 instant; send one such as ' +
        "2026-12-04T09:12:00Z.",
    });
    expect((await cashier()).locked).toBe(false);
  });

  it("answers 404 for a user without a PIN", async () => {
    const list = await server.app.inject({
      method: "GET",
      url: "/wp-json/pos/v1/cashiers",
      headers: server.auth.cashier,
    });
    const admin = list
      .json<{ cashiers: CashierWire[] }>()
      .cashiers.find((user) => user.username === "administrator")!;

    const response = await report("2026-12-04T11:00:00Z", admin.id);

    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: "pos_pin_not_set" });
  });

  it("rejects a report from a session without a register", async () => {
    await moveClock("2026-12-04T12:00:00Z");
    const manager = await managerId();

    const response = await reportAs(server.auth.cashier, "2026-12-04T12:00:00Z", manager);

    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: "pos_lockout_not_from_till" });
    expect((await cashier()).locked).toBe(false);
  });

  it.each([
    "2026-02-30T00:00:00Z",
    "2026-12-04T24:00:00Z",
    "2026-13-01T00:00:00",
    "2026-12-04T09:60:00Z",
  ])("rejects the impossible instant %s", async (instant) => {
    const response = await report(instant);

    expect(response.statusCode).toBe(400);
    const params = response.json<{ data: { params: Record<string, string> } }>().data.params;
    expect(params["locked_at_gmt"]).toContain(`"${instant}" is not a valid ISO 8601 instant`);
    expect((await cashier()).locked).toBe(false);
  });

  it.each(["0x2", "1e0", "2.0", "%20%202", "-1", "0", "+2"])(
    "rejects the user id %s",
    async (id) => {
      const response = await report("2026-12-04T12:00:00Z", id);

      expect(response.statusCode).toBe(400);
      expect(response.json<{ code: string }>().code).toBe("rest_invalid_param");
      expect(response.body).toMatch(/plain decimal digits|user id above 0/);
    },
  );

  async function managerId(): Promise<number> {
    const list = await server.app.inject({
      method: "GET",
      url: "/wp-json/pos/v1/cashiers",
      headers: server.auth.cashier,
    });
    return list
      .json<{ cashiers: CashierWire[] }>()
      .cashiers.find((user) => user.username === "manager")!.id;
  }
});
