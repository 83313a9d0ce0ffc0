import { pbkdf2Sync } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pinIterations } from "../../auth/pin-hash.js";
import { startTestServer, testDialects } from "../../test-support/test-server.js";
import type { TestServer } from "../../test-support/test-server.js";

interface CashierWire {
  id: number;
  username: string;
  pin: { algorithm: string; iterations: number; salt: string; hash: string } | null;
  failed_attempts: number;
  locked: boolean;
}

describe.each(testDialects)("pos/v1 cashier PINs on %s", (dialect) => {
  let server: TestServer;
  let cashierId: number;

  const cashiers = async () => {
    const response = await server.app.inject({
      method: "GET",
      url: "/wp-json/pos/v1/cashiers",
      headers: server.auth.cashier,
    });
    expect(response.statusCode).toBe(200);
    return response.json<{ max_failures: number; cashiers: CashierWire[] }>();
  };
  const setPin = (userId: number, pin: string, role: "manager" | "cashier" = "manager") =>
    server.app.inject({
      method: "PUT",
      url: `/wp-json/pos/v1/users/${userId}/pin`,
      headers: server.auth[role],
      payload: { pin },
    });
  const verify = (userId: number, pin: string) =>
    server.app.inject({
      method: "POST",
      url: `/wp-json/pos/v1/users/${userId}/pin/verify`,
      headers: server.auth.cashier,
      payload: { pin },
    });

  beforeAll(async () => {
    server = await startTestServer(dialect, { sampleData: false });
    cashierId = (await cashiers()).cashiers.find((user) => user.username === "cashier")!.id;
  });
  afterAll(() => server.close());

  it("lists staff without PINs at first", async () => {
    const body = await cashiers();
    expect(body.max_failures).toBe(5);
    expect(body.cashiers.map((user) => user.username)).toEqual([
      "administrator",
      "manager",
      "cashier",
    ]);
    expect(body.cashiers.every((user) => user.pin === null)).toBe(true);
  });

  it("stores a PBKDF2-SHA256 hash the till can recompute", async () => {
    expect((await setPin(cashierId, "4821")).statusCode).toBe(200);
    const record = (await cashiers()).cashiers.find((user) => user.id === cashierId)!;
    expect(record.pin?.algorithm).toBe("PBKDF2-SHA256");
    expect(record.pin?.iterations).toBe(pinIterations);
    const salt = Buffer.from(record.pin!.salt, "base64url");
    expect(salt).toHaveLength(16);
    const derived = pbkdf2Sync("4821", salt, record.pin!.iterations, 32, "sha256");
    expect(derived.toString("base64url")).toBe(record.pin!.hash);
    expect(JSON.stringify(record)).not.toContain("4821");
  });

  it("gives each PIN its own salt", async () => {
    const managerId = (await cashiers()).cashiers.find((user) => user.username === "manager")!.id;
    expect((await setPin(managerId, "4821")).statusCode).toBe(200);
    const list = (await cashiers()).cashiers;
    const a = list.find((user) => user.id === cashierId)!.pin!;
    const b = list.find((user) => user.id === managerId)!.pin!;
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
  });

  it.each(["123", "123456789", "12a4", " 1234", ""])("rejects PIN %j", async (pin) => {
    const response = await setPin(cashierId, pin);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: "rest_invalid_param",
      data: { params: { pin: expect.stringContaining("4 to 8 digits") as unknown } },
    });
  });

  it("lets only a manager set a PIN", async () => {
    expect((await setPin(cashierId, "9999", "cashier")).statusCode).toBe(403);
    const unknownUser = await setPin(99_999, "1234");
    expect(unknownUser.statusCode).toBe(404);
  });

  it("verifies the right PIN", async () => {
    const response = await verify(cashierId, "4821");
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ user_id: cashierId, verified: true });
  });

  it("locks the user after 5 wrong PINs until a manager unlocks", async () => {
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      const wrong = await verify(cashierId, "0000");
      expect(wrong.statusCode).toBe(403);
      expect(wrong.json()).toMatchObject({
        code: "pos_pin_incorrect",
        data: { attempts_left: 5 - attempt },
      });
    }
    const fifth = await verify(cashierId, "0000");
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json()).toMatchObject({ code: "pos_pin_locked" });

    const rightButLocked = await verify(cashierId, "4821");
    expect(rightButLocked.statusCode).toBe(423);
    expect((await cashiers()).cashiers.find((user) => user.id === cashierId)?.locked).toBe(true);

    const unlock = await server.app.inject({
      method: "POST",
      url: `/wp-json/pos/v1/users/${cashierId}/pin/unlock`,
      headers: server.auth.manager,
    });
    expect(unlock.statusCode).toBe(200);
    expect((await verify(cashierId, "4821")).statusCode).toBe(200);
    expect((await cashiers()).cashiers.find((user) => user.id === cashierId)?.failed_attempts).toBe(
      0,
    );
  });

  it("answers 404 when no PIN is set", async () => {
    const adminId = (await cashiers()).cashiers.find(
      (user) => user.username === "administrator",
    )!.id;
    const response = await verify(adminId, "1234");
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: "pos_pin_not_set" });
  });
});
