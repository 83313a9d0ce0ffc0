import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, testDialects, testPassword } from "../../test-support/test-server.js";
import type { TestServer } from "../../test-support/test-server.js";

interface Tokens {
  access_token: string;
  refresh_token: string;
}

interface SessionWire {
  id: string;
  user: { id: number; username: string };
  register: string | null;
  device: string;
  revoked_gmt: string | null;
}

describe.each(testDialects)("pos/v1 device sessions on %s", (dialect) => {
  let server: TestServer;

  const login = async (username: string, register?: string) => {
    const response = await server.app.inject({
      method: "POST",
      url: "/wp-json/pos/v1/auth/login",
      headers: { "user-agent": `test device of ${username}` },
      payload: { username, password: testPassword, ...(register ? { register } : {}) },
    });
    return response;
  };
  const refresh = (token: string) =>
    server.app.inject({
      method: "POST",
      url: "/wp-json/pos/v1/auth/refresh",
      payload: { refresh_token: token },
    });
  const listSessions = async (query = "") => {
    const response = await server.app.inject({
      method: "GET",
      url: `/wp-json/pos/v1/sessions${query}`,
      headers: server.auth.manager,
    });
    expect(response.statusCode).toBe(200);
    return response.json<{ sessions: SessionWire[] }>().sessions;
  };

  beforeAll(async () => {
    server = await startTestServer(dialect, { sampleData: false });
  });
  afterAll(() => server.close());

  it("lists a login as a session with its register", async () => {
    const response = await login("cashier", "front");
    expect(response.statusCode).toBe(200);
    const sessions = await listSessions();
    const front = sessions.find((session) => session.register === "front");
    expect(front).toMatchObject({
      user: { username: "cashier" },
      device: "test device of cashier",
      revoked_gmt: null,
    });
  });

  it("filters sessions by user", async () => {
    const cashierId = (await listSessions()).find((s) => s.user.username === "cashier")!.user.id;
    const sessions = await listSessions(`?user=${cashierId}`);
    expect(sessions.length).toBeGreaterThan(0);
    expect(sessions.every((session) => session.user.username === "cashier")).toBe(true);
  });

  it("keeps one session across refreshes", async () => {
    const first = (await login("cashier", "front")).json<Tokens>();
    const before = (await listSessions()).length;
    const second = await refresh(first.refresh_token);
    expect(second.statusCode).toBe(200);
    const third = await refresh(second.json<Tokens>().refresh_token);
    expect(third.statusCode).toBe(200);
    expect(await listSessions()).toHaveLength(before);
  });

  it("refuses the session list to a cashier", async () => {
    const response = await server.app.inject({
      method: "GET",
      url: "/wp-json/pos/v1/sessions",
      headers: server.auth.cashier,
    });
    expect(response.statusCode).toBe(403);
  });

  it("revokes a session: access and refresh stop working", async () => {
    const tokens = (await login("cashier", "front")).json<Tokens>();
    const refreshed = (await refresh(tokens.refresh_token)).json<Tokens>();
    const target = (await listSessions()).find(
      (session) => session.user.username === "cashier" && session.register === "front",
    );
    expect(target).toBeDefined();
    const sessions = await listSessions();
    const mine = await findSessionOf(refreshed.access_token, sessions);

    const revoke = await server.app.inject({
      method: "DELETE",
      url: `/wp-json/pos/v1/sessions/${mine}`,
      headers: server.auth.manager,
    });
    expect(revoke.statusCode).toBe(200);
    expect(revoke.json()).toEqual({ id: mine, revoked: true });

    const store = await server.app.inject({
      method: "GET",
      url: "/wp-json/pos/v1/store",
      headers: { authorization: `Bearer ${refreshed.access_token}` },
    });
    expect(store.statusCode).toBe(401);
    const again = await refresh(refreshed.refresh_token);
    expect(again.statusCode).toBe(401);
    expect(again.json()).toMatchObject({ code: "pos_invalid_refresh_token" });
    expect((await listSessions()).some((session) => session.id === mine)).toBe(false);
    const closed = await listSessions("?include_closed=true");
    expect(closed.find((session) => session.id === mine)?.revoked_gmt).toEqual(expect.any(String));
  });

  it("answers 404 for a session that is not open", async () => {
    const response = await server.app.inject({
      method: "DELETE",
      url: "/wp-json/pos/v1/sessions/no-such-session",
      headers: server.auth.manager,
    });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: "pos_session_not_found" });
  });

  it("logs out with the refresh token", async () => {
    const tokens = (await login("manager", "front")).json<Tokens>();
    const logout = await server.app.inject({
      method: "POST",
      url: "/wp-json/pos/v1/auth/logout",
      payload: { refresh_token: tokens.refresh_token },
    });
    expect(logout.statusCode).toBe(200);
    expect((await refresh(tokens.refresh_token)).statusCode).toBe(401);
    const repeat = await server.app.inject({
      method: "POST",
      url: "/wp-json/pos/v1/auth/logout",
      payload: { refresh_token: tokens.refresh_token },
    });
    expect(repeat.statusCode).toBe(401);
  });

  /** Finds the session whose token is `accessToken` by revoking nothing: the token's owner. */
  async function findSessionOf(accessToken: string, sessions: SessionWire[]): Promise<string> {
    const { createHash } = await import("node:crypto");
    const hash = createHash("sha256").update(accessToken).digest("hex");
    const row = await server.store.db
      .selectFrom("device_session_tokens" as never)
      .select("session_id" as never)
      .where("token_hash" as never, "=", hash as never)
      .executeTakeFirstOrThrow();
    const id = (row as { session_id: string }).session_id;
    expect(sessions.some((session) => session.id === id)).toBe(true);
    return id;
  }
});
