import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, testDialects, testPassword } from "../../test-support/test-server.js";
import type { TestServer } from "../../test-support/test-server.js";

interface WireSession {
  register: string | null;
  register_name: string | null;
}

describe.each(testDialects)("login register names on %s", (dialect) => {
  let server: TestServer;

  const logIn = (body: Record<string, unknown>) =>
    server.app.inject({
      method: "POST",
      url: "/wp-json/pos/v1/auth/login",
      payload: { username: "cashier", password: testPassword, ...body },
    });
  const sessions = async () => {
    const response = await server.app.inject({
      method: "GET",
      url: "/wp-json/pos/v1/sessions",
      headers: server.auth.manager,
    });
    return response.json<{ sessions: WireSession[] }>().sessions;
  };

  beforeAll(async () => {
    server = await startTestServer(dialect, { sampleData: false });
  });
  afterAll(() => server.close());

  it("rejects an over-long name", async () => {
    const before = (await sessions()).length;
    const name = "R".repeat(65);

    const response = await logIn({ register: "register-4f2a", register_name: name });

    expect(response.statusCode).toBe(400);
    const body = response.json<{ code: string; data: { params: Record<string, string> } }>();
    expect(body.code).toBe("rest_invalid_param");
    expect(body.data.params["register_name"]).toContain(`"${name}" has 65 characters`);
    expect(await sessions()).toHaveLength(before);
  });

  it("rejects a control character", async () => {
    const response = await logIn({ register: "register-4f2a", register_name: "R7\u0000KQ2" });

    expect(response.statusCode).toBe(400);
    expect(response.json<{ message: string }>().message).toContain("register_name");
  });

  it("lists the name with the session", async () => {
    const response = await logIn({ register: "register-4f2a", register_name: " R7KQ2 " });

    expect(response.statusCode).toBe(200);
    const till = (await sessions()).filter((session) => session.register === "register-4f2a");
    expect(till).toEqual([expect.objectContaining({ register_name: "R7KQ2" })]);
  });

  it("accepts a malformed name as none", async () => {
    const response = await logIn({ register: "register-4f2a", register_name: 42 });

    expect(response.statusCode).toBe(200);
    const names = (await sessions())
      .filter((session) => session.register === "register-4f2a")
      .map((session) => session.register_name);
    expect(names).toHaveLength(2);
    expect(names).toContain(null);
    expect(names).toContain("R7KQ2");
  });

  it("names registers in the seats message", async () => {
    const response = await logIn({ register: "register-9c1d", register_name: "RNEW" });

    expect(response.statusCode).toBe(403);
    const message = response.json<{ message: string }>().message;
    expect(message).toContain("1 is signed in: R7KQ2 (cashier, last active");
    expect(message).toContain('Register "RNEW" can sign in');
    expect(message).not.toContain("register-4f2a");
  });
});
