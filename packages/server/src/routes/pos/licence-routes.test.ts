import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../build-app.js";
import { createUser } from "../../auth/user-store.js";
import { withDeviceSessionTables } from "../../auth/device-session-schema.js";
import type { StoreDatabase } from "../../db/store-database.js";
import { registerHandle } from "../../licence/register-handle.js";
import { startTestLicenceService } from "../../licence/test-licence-service.js";
import type { TestLicenceService } from "../../licence/test-licence-service.js";
import {
  login,
  openTestStore,
  testDialects,
  testPassword,
} from "../../test-support/test-server.js";

const storeOrigin = "https://shop.example";
const dayMs = 86_400_000;
const startMs = Date.parse("2026-12-04T12:00:00Z");

interface Summary {
  status: string;
  message: string;
  edition: string;
  registers: number;
  registers_signed_in: number;
  document: { payload: { registers: number } } | null;
}

describe.each(testDialects)("pos/v1 licence and register seats on %s", (dialect) => {
  let nowMs = startMs;
  const now = () => new Date(nowMs);
  let service: TestLicenceService;
  let store: StoreDatabase;
  let cleanup: () => Promise<void>;
  let app: FastifyInstance;
  let manager: { authorization: string };

  const signIn = (register: string, username = "cashier") =>
    app.inject({
      method: "POST",
      url: "/wp-json/pos/v1/auth/login",
      payload: { username, password: testPassword, register },
    });
  const summary = async () => {
    // The clock moves by days between tests, so a fresh token is taken each time.
    manager = { authorization: `Bearer ${await login(app, "manager")}` };
    const response = await app.inject({
      method: "GET",
      url: "/wp-json/pos/v1/licence",
      headers: manager,
    });
    expect(response.statusCode).toBe(200);
    return response.json<Summary>();
  };
  const activate = (licenceKey: string, headers = manager) =>
    app.inject({
      method: "POST",
      url: "/wp-json/pos/v1/licence/activate",
      headers,
      payload: { licence_key: licenceKey },
    });
  const logOut = async (register: string) => {
    const rows = await withDeviceSessionTables(store.db)
      .updateTable("device_sessions")
      .set({ revoked_gmt: "2026-12-04T12:00:00" })
      .where("register", "=", register)
      .executeTakeFirst();
    expect(Number(rows.numUpdatedRows)).toBeGreaterThan(0);
  };

  beforeAll(async () => {
    service = await startTestLicenceService(now);
    ({ store, cleanup } = await openTestStore(dialect));
    app = await buildApp({
      store,
      now,
      licence: { storeOrigin, publicKeys: service.publicKeys, serviceUrl: service.url },
    });
    for (const role of ["manager", "cashier"] as const) {
      await createUser(
        store.db,
        { username: role, displayName: role, role, password: testPassword },
        "2026-12-04T00:00:00",
      );
    }
    manager = { authorization: `Bearer ${await login(app, "manager")}` };
  });
  afterAll(async () => {
    await app.close();
    await cleanup();
    await service.close();
  });

  it("runs as the community edition without a licence", async () => {
    expect(await summary()).toMatchObject({
      status: "none",
      edition: "community",
      registers: 1,
      document: null,
    });
    expect((await signIn("front")).statusCode).toBe(200);
    expect((await signIn("front", "manager")).statusCode).toBe(200);
  });

  it("rejects a second register with a 403 naming the limit", async () => {
    const response = await signIn("back");
    expect(response.statusCode).toBe(403);
    type Body = {
      code: string;
      message: string;
      data: { registers: number; signed_in: { handle: string; name: string | null }[] };
    };
    const body = response.json<Body>();
    expect(body.code).toBe("pos_register_limit");
    expect(body.data.registers).toBe(1);
    expect(body.data.signed_in).toEqual([
      expect.objectContaining({ handle: registerHandle("front"), name: null }),
    ]);
    expect(JSON.stringify(body.data)).not.toContain('"front"');
    expect(body.message).toContain("The community edition allows 1 register at once");
    expect(body.message).toContain('Register "back" can sign in once one of them signs out');
    expect(body.message).toContain("revoke a register under Staff and devices");
  });

  it("names a register with two sessions once", async () => {
    const body = (await signIn("back")).json<{ message: string }>();

    // "front" has a cashier's and a manager's session open. It sent no name, so the message
    // shows its handle, not its id.
    const handle = registerHandle("front");
    expect(body.message.split(handle)).toHaveLength(2);
    expect(body.message).not.toContain("front");
    expect(body.message).toMatch(
      new RegExp(
        `${handle} \\((cashier|manager), last active \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC\\)`,
      ),
    );
  });

  it("frees the seat when the register's session closes", async () => {
    await logOut("front");
    expect((await signIn("back")).statusCode).toBe(200);
    await logOut("back");
  });

  it("rejects an unknown licence key with the service's reason", async () => {
    const response = await activate("POSL-AAAAA-AAAAA-AAAAA-AAAAA");
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({
      code: "pos_licence_rejected",
      data: { licence_code: "licence_key_not_found" },
    });
    expect((await summary()).status).toBe("none");
  });

  it("lets only a manager activate", async () => {
    const cashier = { authorization: `Bearer ${await login(app, "cashier")}` };
    expect((await activate("POSL-AAAAA-AAAAA-AAAAA-AAAAA", cashier)).statusCode).toBe(403);
  });

  it("activates a key against the licence service", async () => {
    const key = await service.issue(["--store", storeOrigin, "--registers", "2", "--days", "30"]);
    const response = await activate(key);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: "valid", edition: "pro", registers: 2 });
    expect((await summary()).document?.payload.registers).toBe(2);
  });

  it("admits registers up to the licence's number", async () => {
    expect((await signIn("front")).statusCode).toBe(200);
    expect((await signIn("back")).statusCode).toBe(200);
    const third = await signIn("patio");
    expect(third.statusCode).toBe(403);
    expect(third.json<{ message: string }>().message).toMatch(
      /Licence L-\w+ allows 2 registers at once/,
    );
  });

  it("keeps the licence through its grace period offline", async () => {
    await service.close();
    nowMs = startMs + 33 * dayMs;
    const grace = await summary();
    expect(grace.status).toBe("grace");
    expect(grace.registers).toBe(2);
    expect(grace.message).toMatch(/keeps working for 11 more days/);
    expect((await signIn("back")).statusCode).toBe(200);
  });

  it("falls back to 1 register after the grace period", async () => {
    nowMs = startMs + 45 * dayMs;
    const expired = await summary();
    expect(expired).toMatchObject({ status: "expired", edition: "community", registers: 1 });
  });

  it("detects a stored document that was changed", async () => {
    nowMs = startMs + dayMs;
    expect((await summary()).status).toBe("valid");
    const db = withDeviceSessionTables(store.db);
    const row = await db
      .selectFrom("licence_state")
      .select("value")
      .where("key", "=", "document")
      .executeTakeFirstOrThrow();
    const document = JSON.parse(row.value) as { payload: { registers: number } };
    document.payload.registers = 50;
    await db
      .updateTable("licence_state")
      .set({ value: JSON.stringify(document) })
      .where("key", "=", "document")
      .execute();
    const tampered = await summary();
    expect(tampered).toMatchObject({ status: "tampered", registers: 1 });
    expect(tampered.message).toContain("invalid signature");
  });

  it("reports an unreachable service and keeps the document", async () => {
    manager = { authorization: `Bearer ${await login(app, "manager")}` };
    const response = await activate("POSL-AAAAA-AAAAA-AAAAA-AAAAA");
    expect(response.statusCode).toBe(502);
    expect(response.json()).toMatchObject({ code: "pos_licence_service_unreachable" });
    expect((await summary()).status).toBe("tampered");
  });
});

describe.each(testDialects)("licence activation checks on %s", (dialect) => {
  const now = () => new Date(startMs);
  let service: TestLicenceService;
  let cleanups: (() => Promise<void>)[] = [];

  const appWith = async (licence: Parameters<typeof buildApp>[0]["licence"]) => {
    const { store, cleanup } = await openTestStore(dialect);
    const app = await buildApp({ store, now, licence });
    await createUser(
      store.db,
      { username: "manager", displayName: "M", role: "manager", password: testPassword },
      "2026-12-04T00:00:00",
    );
    cleanups.push(async () => {
      await app.close();
      await cleanup();
    });
    const authorization = `Bearer ${await login(app, "manager")}`;
    return (licenceKey: string) =>
      app.inject({
        method: "POST",
        url: "/wp-json/pos/v1/licence/activate",
        headers: { authorization },
        payload: { licence_key: licenceKey },
      });
  };

  beforeAll(async () => {
    service = await startTestLicenceService(now);
  });
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
    cleanups = [];
    await service.close();
  });

  it("makes no call without a service address", async () => {
    const activate = await appWith({ storeOrigin, publicKeys: service.publicKeys });
    const response = await activate("POSL-AAAAA-AAAAA-AAAAA-AAAAA");
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ code: "pos_licence_service_not_configured" });
  });

  it("does not store a document signed by an untrusted key", async () => {
    const activate = await appWith({ storeOrigin, publicKeys: {}, serviceUrl: service.url });
    const key = await service.issue(["--store", storeOrigin, "--registers", "3", "--days", "30"]);
    const response = await activate(key);
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      code: "pos_licence_not_valid",
      data: { licence_status: "unknown-key" },
    });
  });

  it("rejects a key bound to another store", async () => {
    const activate = await appWith({
      storeOrigin,
      publicKeys: service.publicKeys,
      serviceUrl: service.url,
    });
    const key = await service.issue([
      "--store",
      "https://other.example",
      "--registers",
      "3",
      "--days",
      "30",
    ]);
    const response = await activate(key);
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      code: "pos_licence_rejected",
      data: { licence_code: "licence_origin_conflict" },
    });
  });
});
