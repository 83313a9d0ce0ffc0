import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppContext } from "../app-context.js";
import { listDeviceSessions } from "../auth/device-session-store.js";
import { parseRegisterName } from "../auth/register-name.js";
import { WooError } from "../http/woo-error.js";
import { startTestServer, testDialects } from "../test-support/test-server.js";
import type { TestServer } from "../test-support/test-server.js";
import { LicenceKeeper } from "./licence-keeper.js";
import { registerHandle } from "./register-handle.js";
import { signInDevice } from "./sign-in-device.js";

const silentLog = {
  warn: () => undefined,
} as unknown as Parameters<typeof signInDevice>[2];

describe("parseRegisterName", () => {
  it("reads a trimmed name", () => {
    expect(parseRegisterName("  R7KQ2 ")).toBe("R7KQ2");
  });

  it("ignores a missing or malformed name", () => {
    for (const value of [undefined, null, 42, {}, ["R1"], "", "   "]) {
      expect(parseRegisterName(value), JSON.stringify(value)).toBeNull();
    }
  });

  it("rejects an over-long name naming it", () => {
    const name = "R".repeat(65);
    let caught: unknown;
    try {
      parseRegisterName(name);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(WooError);
    const error = caught as WooError;
    expect(error.status).toBe(400);
    expect(error.code).toBe("rest_invalid_param");
    const params = error.data["params"] as Record<string, string>;
    expect(params["register_name"]).toContain(`"${name}" has 65 characters`);
    expect(params["register_name"]).toContain("maximum of 64");
  });

  it("rejects a control character", () => {
    expect(() => parseRegisterName("Front\ntill")).toThrow(WooError);
    expect(() => parseRegisterName("Front\u0085till")).toThrow(WooError);
    try {
      parseRegisterName("Front\ttill");
    } catch (error) {
      const params = (error as WooError).data["params"] as Record<string, string>;
      expect(params["register_name"]).toContain(
        '"Front\\ttill" contains a control or invisible formatting character',
      );
    }
  });
});

describe.each(testDialects)("register names on %s", (dialect) => {
  let server: TestServer;
  let context: AppContext;
  const now = () => new Date("2026-12-04T12:00:00Z");

  const userId = async (username: string) =>
    (
      await server.store.db
        .selectFrom("users")
        .select("id")
        .where("username", "=", username)
        .executeTakeFirstOrThrow()
    ).id;

  beforeAll(async () => {
    server = await startTestServer(dialect, { sampleData: false });
    context = {
      store: server.store,
      now,
      loginRateLimiter: undefined as never,
      licence: new LicenceKeeper({
        db: server.store.db,
        publicKeys: {},
        storeOrigin: "https://shop.test",
        serviceUrl: null,
        now,
      }),
      mailer: null,
    };
  });
  afterAll(() => server.close());

  it("stores the name with the session", async () => {
    // The test server's own logins took no seat: they sent no register.
    const cashier = await userId("cashier");
    await signInDevice(
      context,
      { userId: cashier, register: "register-4f2a", registerName: "R7KQ2", device: "till" },
      silentLog,
    );

    const sessions = await listDeviceSessions(server.store.db, { now: now() });
    const till = sessions.find((session) => session.register === "register-4f2a");
    expect(till?.registerName).toBe("R7KQ2");
    expect(sessions.filter((session) => session.register === null)).not.toHaveLength(0);
    for (const apiClient of sessions.filter((session) => session.register === null)) {
      expect(apiClient.registerName).toBeNull();
    }
  });

  it("names registers in the seats message", async () => {
    const manager = await userId("manager");
    let caught: unknown;
    try {
      await signInDevice(
        context,
        { userId: manager, register: "register-9c1d", registerName: "RNEW", device: "till" },
        silentLog,
      );
    } catch (error) {
      caught = error;
    }

    expect(caught).toBeInstanceOf(WooError);
    const error = caught as WooError;
    expect(error.status).toBe(403);
    expect(error.message).toContain("1 is signed in: R7KQ2 (cashier, last active");
    expect(error.message).toContain('Register "RNEW" can sign in');
    expect(error.message).not.toContain("register-4f2a");
    expect(JSON.stringify(error.data)).not.toContain("register-4f2a");
    const signedIn = error.data["signed_in"] as Record<string, unknown>[];
    expect(signedIn).toHaveLength(1);
    expect(signedIn[0]).toMatchObject({
      handle: registerHandle("register-4f2a"),
      name: "R7KQ2",
      user_name: "cashier",
    });
    expect(typeof signedIn[0]?.["last_used_gmt"]).toBe("string");
    expect(error.data["can_replace"]).toBe(false);
  });

  it("shows a register without a name by its id", async () => {
    const manager = await userId("manager");
    const sessionsBefore = await listDeviceSessions(server.store.db, { now: now() });

    const refused = signInDevice(
      context,
      { userId: manager, register: "register-9c1d", device: "old till" },
      silentLog,
    );

    await expect(refused).rejects.toThrow('Register "register-9c1d" can sign in');
    const sessionsAfter = await listDeviceSessions(server.store.db, { now: now() });
    expect(sessionsAfter).toHaveLength(sessionsBefore.length);
  });

  it("accepts a later login without a name", async () => {
    const cashier = await userId("cashier");
    await signInDevice(
      context,
      { userId: cashier, register: "register-4f2a", device: "old till" },
      silentLog,
    );

    const sessions = await listDeviceSessions(server.store.db, { now: now() });
    const names = sessions
      .filter((session) => session.register === "register-4f2a")
      .map((session) => session.registerName);
    expect(names.sort()).toEqual(["R7KQ2", null].sort());
  });
});
