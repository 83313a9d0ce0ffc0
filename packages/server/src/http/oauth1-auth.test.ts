import wooRestApiModule from "@woocommerce/woocommerce-rest-api";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../build-app.js";
import { createApiKey } from "../auth/api-key-store.js";
import { createUser } from "../auth/user-store.js";
import { openTestStore, testDialects } from "../test-support/test-server.js";

// The package's types describe a CommonJS module, while Vite loads its ES build, whose default
// export is the class itself.
type ClientClass = typeof wooRestApiModule.default;
const WooCommerceRestApi: ClientClass =
  (wooRestApiModule as unknown as { default?: ClientClass }).default ??
  (wooRestApiModule as unknown as ClientClass);

interface ClientReply {
  status: number;
  data: unknown;
}

/** Resolves an axios request of the client to its reply, also for 4xx (which axios rejects). */
async function replyOf(request: Promise<unknown>): Promise<ClientReply> {
  try {
    return (await request) as ClientReply;
  } catch (error) {
    return (error as { response: ClientReply }).response;
  }
}

describe.each(testDialects)("OAuth 1.0a over http on %s", (dialect) => {
  let app: FastifyInstance;
  let cleanup: () => Promise<void>;
  let url: string;
  let key: { consumerKey: string; consumerSecret: string };

  beforeAll(async () => {
    const opened = await openTestStore(dialect);
    cleanup = opened.cleanup;
    const user = await createUser(
      opened.store.db,
      { username: "boss", displayName: "Boss", role: "manager", password: "long enough pass" },
      "2026-12-04T00:00:00",
    );
    key = await createApiKey(opened.store.db, user.id, "read_write", "test", "2026-12-04T00:00:00");
    app = await buildApp({ store: opened.store });
    url = await app.listen({ host: "127.0.0.1", port: 0 });
  });
  afterAll(async () => {
    await app.close();
    await cleanup();
  });

  it("accepts WooCommerce's own JavaScript client", async () => {
    const client = new WooCommerceRestApi({
      url,
      consumerKey: key.consumerKey,
      consumerSecret: key.consumerSecret,
      version: "wc/v3",
    });
    const list = await replyOf(client.get("customers", { per_page: 5 }));
    expect(list.status).toBe(200);
    const created = await replyOf(
      client.post("customers", { email: "oauth@example.test", first_name: "Oauth" }),
    );
    expect(created.status).toBe(201);
    expect((created.data as { email: string }).email).toBe("oauth@example.test");
  });

  it("rejects a wrong secret and a replayed nonce", async () => {
    const wrong = new WooCommerceRestApi({
      url,
      consumerKey: key.consumerKey,
      consumerSecret: "cs_wrong",
      version: "wc/v3",
    });
    const failure = await replyOf(wrong.get("customers"));
    expect(failure.status).toBe(401);
    expect(failure.data).toMatchObject({
      code: "woocommerce_rest_authentication_error",
      message: "Invalid signature - provided signature does not match.",
    });

    let signedUrl = "";
    const client = new WooCommerceRestApi({
      url,
      consumerKey: key.consumerKey,
      consumerSecret: key.consumerSecret,
      version: "wc/v3",
      axiosConfig: {
        adapter: (config: { url?: string; params?: Record<string, string> }) => {
          signedUrl = `${config.url}&${new URLSearchParams(config.params).toString()}`;
          return Promise.resolve({ data: [], status: 200, statusText: "OK", headers: {}, config });
        },
      },
    });
    await client.get("customers", { per_page: 1 });
    const first = await fetch(signedUrl);
    expect(first.status).toBe(200);
    const replay = await fetch(signedUrl);
    expect(replay.status).toBe(401);
    expect(await replay.json()).toMatchObject({
      message: "Invalid nonce - nonce has already been used.",
    });
  });
});
