import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApplicationPassword } from "../../auth/application-password-store.js";
import { findUserByUsername } from "../../auth/user-store.js";
import { startTestServer, testDialects } from "../../test-support/test-server.js";
import type { TestServer } from "../../test-support/test-server.js";

interface ItemWire {
  uuid: string;
  app_id: string;
  name: string;
  created: string;
  last_used: string | null;
  last_ip: string | null;
  password?: string;
}

const basic = (username: string, password: string) => ({
  authorization: `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`,
});

describe.each(testDialects)("wp/v2 application passwords on %s", (dialect) => {
  let server: TestServer;
  const now = new Date("2026-12-04T10:00:00Z");

  const createFor = async (username: string, name: string) => {
    const user = await findUserByUsername(server.store.db, username);
    if (user === undefined) throw new Error(`test user ${username} is missing`);
    const created = await createApplicationPassword(
      server.store.db,
      { userId: user.id, name },
      "2026-12-04T09:00:00",
    );
    return { user, ...created };
  };
  const get = (url: string, headers: Record<string, string>, remoteAddress = "127.0.0.1") =>
    server.app.inject({ method: "GET", url, headers, remoteAddress });

  beforeAll(async () => {
    server = await startTestServer(dialect, { now: () => now });
  });
  afterAll(async () => {
    await server.close();
  });

  it("authenticates with and without the spaces", async () => {
    const { password, row } = await createFor("manager", "till one");
    expect(password).toMatch(/^[A-Za-z0-9]{24}$/);
    const grouped = password.match(/.{4}/g)?.join(" ") ?? "";

    const plain = await get("/wp-json/wc/v3/products?per_page=1", basic("manager", password));
    expect(plain.statusCode).toBe(200);
    const spaced = await get("/wp-json/wc/v3/products?per_page=1", basic("manager", grouped));
    expect(spaced.statusCode).toBe(200);

    const list = await get(
      `/wp-json/wp/v2/users/${row.user_id}/application-passwords`,
      server.auth.administrator,
    );
    const item = list.json<ItemWire[]>().find((candidate) => candidate.uuid === row.uuid);
    expect(item?.last_used).toBe("2026-12-04T10:00:00");
    expect(item?.last_ip).toBe("127.0.0.1");
  });

  it("acts with the user's role", async () => {
    const { password } = await createFor("cashier", "cashier till");
    const products = await get("/wp-json/wc/v3/products?per_page=1", basic("cashier", password));
    expect(products.statusCode).toBe(200);
    const settings = await get("/wp-json/wc/v3/settings/general", basic("cashier", password));
    expect(settings.statusCode).toBe(403);
  });

  it("rejects a wrong password and an unknown user", async () => {
    await createFor("administrator", "wrong password check");
    const wrong = await get("/wp-json/wc/v3/products", basic("administrator", "A".repeat(24)));
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json<{ code: string }>().code).toBe("incorrect_password");

    const unknown = await get("/wp-json/wc/v3/products", basic("nobody", "A".repeat(24)));
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json<{ code: string; message: string }>().code).toBe("invalid_username");
    expect(unknown.json<{ message: string }>().message).toContain('"nobody"');
  });

  it("rejects plain http from another host", async () => {
    const { password } = await createFor("manager", "remote till");
    const response = await get(
      "/wp-json/wc/v3/products?per_page=1",
      basic("manager", password),
      "10.0.0.8",
    );
    expect(response.statusCode).toBe(401);
    expect(response.json<{ code: string }>().code).toBe("application_passwords_disabled");
  });

  it("leaves consumer keys to their own check", async () => {
    const response = await get("/wp-json/wc/v3/products", basic("ck_unknown", "cs_unknown"));
    expect(response.statusCode).toBe(401);
    expect(response.json<{ code: string }>().code).toBe("woocommerce_rest_cannot_view");
  });

  it("serves users/me for each kind of login", async () => {
    const { password, user } = await createFor("manager", "users me");
    const byPassword = await get(
      "/wp-json/wp/v2/users/me?context=edit",
      basic("manager", password),
    );
    expect(byPassword.statusCode).toBe(200);
    const me = byPassword.json<{ id: number; name: string; slug: string; roles: string[] }>();
    expect(me.id).toBe(user.id);
    expect(me.name).toBe("manager");
    expect(me.slug).toBe("manager");
    expect(me.roles).toEqual(["shop_manager"]);
    const granted = byPassword.json<{ capabilities: Record<string, boolean> }>().capabilities;
    expect(granted["refund_orders"]).toBe(true);
    expect(granted).not.toHaveProperty("manage_store");

    const byToken = await get("/wp-json/wp/v2/users/me", server.auth.administrator);
    expect(byToken.statusCode).toBe(200);
    expect(byToken.json<{ slug: string }>().slug).toBe("administrator");
    expect(byToken.json()).not.toHaveProperty("roles");

    const anonymous = await get("/wp-json/wp/v2/users/me", {});
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json<{ code: string }>().code).toBe("rest_not_logged_in");
  });

  it("creates, lists and revokes by REST", async () => {
    const cashier = await findUserByUsername(server.store.db, "cashier");
    const url = `/wp-json/wp/v2/users/${cashier?.id}/application-passwords`;
    const created = await server.app.inject({
      method: "POST",
      url,
      headers: server.auth.administrator,
      payload: { name: "REST till" },
    });
    expect(created.statusCode).toBe(201);
    const item = created.json<ItemWire>();
    expect(item.password).toMatch(/^([A-Za-z0-9]{4} ){5}[A-Za-z0-9]{4}$/);
    expect(item.last_used).toBeNull();
    const password = item.password ?? "";

    const duplicate = await server.app.inject({
      method: "POST",
      url,
      headers: server.auth.administrator,
      payload: { name: "REST till" },
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json<{ code: string }>().code).toBe("application_password_duplicate_name");

    const empty = await server.app.inject({
      method: "POST",
      url,
      headers: server.auth.administrator,
      payload: { name: "  " },
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json<{ code: string }>().code).toBe("application_password_empty_name");

    const controlCharacter = await server.app.inject({
      method: "POST",
      url,
      headers: server.auth.administrator,
      payload: { name: "till\u0007one" },
    });
    expect(controlCharacter.statusCode).toBe(400);
    expect(controlCharacter.json<{ code: string }>().code).toBe("rest_invalid_param");

    const byManager = await server.app.inject({
      method: "POST",
      url,
      headers: server.auth.manager,
      payload: { name: "manager's till" },
    });
    expect(byManager.statusCode).toBe(403);

    const list = await get(url, server.auth.administrator);
    const listed = list.json<ItemWire[]>().find((candidate) => candidate.uuid === item.uuid);
    expect(listed?.name).toBe("REST till");
    expect(listed).not.toHaveProperty("password");
    expect(list.body).not.toContain("password_hash");

    expect((await get(url, server.auth.manager)).statusCode).toBe(403);
    const missingUser = await get("/wp-json/wp/v2/users/9999/application-passwords", {
      ...server.auth.administrator,
    });
    expect(missingUser.statusCode).toBe(404);

    expect((await get("/wp-json/wc/v3/products", basic("cashier", password))).statusCode).toBe(200);
    const revoked = await server.app.inject({
      method: "DELETE",
      url: `${url}/${item.uuid}`,
      headers: server.auth.administrator,
    });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json<{ deleted: boolean }>().deleted).toBe(true);
    const after = await get("/wp-json/wc/v3/products", basic("cashier", password));
    expect(after.statusCode).toBe(401);
    expect(after.json<{ code: string }>().code).toBe("incorrect_password");

    const again = await server.app.inject({
      method: "DELETE",
      url: `${url}/${item.uuid}`,
      headers: server.auth.administrator,
    });
    expect(again.statusCode).toBe(404);
  });

  it("deletes all of a user's passwords", async () => {
    const { password, user } = await createFor("administrator", "delete all");
    const url = `/wp-json/wp/v2/users/${user.id}/application-passwords`;
    const response = await server.app.inject({
      method: "DELETE",
      url,
      headers: server.auth.administrator,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json<{ count: number }>().count).toBeGreaterThanOrEqual(1);
    const list = await get(url, server.auth.administrator);
    expect(list.json()).toEqual([]);
    const after = await get("/wp-json/wc/v3/products", basic("administrator", password));
    expect(after.statusCode).toBe(401);
  });
});

describe.each(testDialects)("application password rate limit on %s", (dialect) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(dialect, { sampleData: false });
  });
  afterAll(async () => {
    await server.close();
  });

  it("limits a username after five failures", async () => {
    const user = await findUserByUsername(server.store.db, "cashier");
    const { password } = await createApplicationPassword(
      server.store.db,
      { userId: user?.id ?? 0, name: "limited till" },
      "2026-12-04T09:00:00",
    );
    const send = (secret: string) =>
      server.app.inject({
        method: "GET",
        url: "/wp-json/wc/v3/products",
        headers: basic("cashier", secret),
      });

    for (let attempt = 1; attempt <= 5; attempt++) {
      const response = await send(`wrong-${attempt}`);
      expect(response.statusCode, `attempt ${attempt}`).toBe(401);
    }
    const limited = await send("wrong-6");
    expect(limited.statusCode).toBe(429);
    expect(limited.json<{ code: string }>().code).toBe("pos_too_many_logins");
    // The limit holds for the right password too, so it cannot be found by guessing past it.
    const right = await send(password);
    expect(right.statusCode).toBe(429);
  });
});
