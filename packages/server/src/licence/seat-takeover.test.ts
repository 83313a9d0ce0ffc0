import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listDeviceSessions } from "../auth/device-session-store.js";
import { startTestServer, testDialects, testPassword } from "../test-support/test-server.js";
import type { TestServer } from "../test-support/test-server.js";

interface Refusal {
  code: string;
  message: string;
  data: {
    signed_in: { handle: string; name: string | null; user_name: string | null }[];
    can_replace: boolean;
  };
}

describe.each(testDialects)("register seat takeover on %s", (dialect) => {
  let server: TestServer;

  const logIn = (fields: {
    username: string;
    register: string;
    registerName?: string;
    replace?: string;
  }) =>
    server.app.inject({
      method: "POST",
      url: "/wp-json/pos/v1/auth/login",
      payload: {
        username: fields.username,
        password: testPassword,
        register: fields.register,
        ...(fields.registerName ? { register_name: fields.registerName } : {}),
        ...(fields.replace ? { replace_register: fields.replace } : {}),
      },
    });
  const openRegisters = async () => {
    const sessions = await listDeviceSessions(server.store.db, { now: new Date() });
    return [...new Set(sessions.flatMap((session) => session.register ?? []))].sort();
  };
  const storeRequest = (accessToken: string) =>
    server.app.inject({
      method: "GET",
      url: "/wp-json/pos/v1/store",
      headers: { authorization: `Bearer ${accessToken}` },
    });

  beforeAll(async () => {
    server = await startTestServer(dialect, { sampleData: false });
  });
  afterAll(() => server.close());

  it("lists registers by name and handle only", async () => {
    expect(
      (await logIn({ username: "cashier", register: "till-old", registerName: "ROLD" })).statusCode,
    ).toBe(200);

    const refused = await logIn({
      username: "cashier",
      register: "till-new",
      registerName: "RNEW",
    });

    expect(refused.statusCode).toBe(403);
    const body = refused.json<Refusal>();
    expect(body.code).toBe("pos_register_limit");
    expect(body.data.can_replace).toBe(false);
    expect(body.data.signed_in).toEqual([
      expect.objectContaining({ name: "ROLD", user_name: "cashier" }),
    ]);
    expect(refused.body).not.toContain("till-old");
  });

  it("tells a manager it may replace", async () => {
    const refused = await logIn({
      username: "manager",
      register: "till-new",
      registerName: "RNEW",
    });

    expect(refused.statusCode).toBe(403);
    expect(refused.json<Refusal>().data.can_replace).toBe(true);
  });

  it("rejects a cashier's takeover unchanged", async () => {
    const refusal = (await logIn({ username: "cashier", register: "till-new" })).json<Refusal>();
    const handle = refusal.data.signed_in[0]!.handle;

    const response = await logIn({ username: "cashier", register: "till-new", replace: handle });

    expect(response.statusCode).toBe(403);
    const body = response.json<{ code: string; message: string }>();
    expect(body.code).toBe("pos_register_takeover_forbidden");
    expect(body.message).toContain('sign out register "ROLD"');
    expect(body.message).toContain("ask a manager to log in here");
    expect(await openRegisters()).toEqual(["till-old"]);
  });

  it("does not take a handle as a register", async () => {
    const refusal = (await logIn({ username: "cashier", register: "till-new" })).json<Refusal>();
    const handle = refusal.data.signed_in[0]!.handle;

    const response = await logIn({ username: "cashier", register: handle });

    expect(response.statusCode).toBe(403);
    expect(await openRegisters()).toEqual(["till-old"]);
  });

  it("rejects an unknown handle unchanged", async () => {
    const response = await logIn({
      username: "manager",
      register: "till-new",
      replace: "reg_nope",
    });

    expect(response.statusCode).toBe(400);
    const body = response.json<{ code: string; data: { params: Record<string, string> } }>();
    expect(body.code).toBe("rest_invalid_param");
    expect(body.data.params["replace_register"]).toContain('"reg_nope" names no register');
    expect(await openRegisters()).toEqual(["till-old"]);
  });

  it("rejects a wrong password before any takeover", async () => {
    const refusal = (await logIn({ username: "manager", register: "till-new" })).json<Refusal>();
    const response = await server.app.inject({
      method: "POST",
      url: "/wp-json/pos/v1/auth/login",
      payload: {
        username: "manager",
        password: "wrong",
        register: "till-new",
        replace_register: refusal.data.signed_in[0]!.handle,
      },
    });

    expect(response.statusCode).toBe(401);
    expect(await openRegisters()).toEqual(["till-old"]);
  });

  it("signs out the old register for a manager", async () => {
    const oldTill = await logIn({
      username: "cashier",
      register: "till-old",
      registerName: "ROLD",
    });
    const oldToken = oldTill.json<{ access_token: string }>().access_token;
    expect((await storeRequest(oldToken)).statusCode).toBe(200);
    const refusal = (await logIn({ username: "manager", register: "till-new" })).json<Refusal>();

    const response = await logIn({
      username: "manager",
      register: "till-new",
      registerName: "RNEW",
      replace: refusal.data.signed_in[0]!.handle,
    });

    expect(response.statusCode).toBe(200);
    expect(await openRegisters()).toEqual(["till-new"]);
    expect((await storeRequest(oldToken)).statusCode).toBe(401);
    const newToken = response.json<{ access_token: string }>().access_token;
    expect((await storeRequest(newToken)).statusCode).toBe(200);
  });
});
