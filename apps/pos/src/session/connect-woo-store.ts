import { detectStoreKind } from "@pos/sync";
import { readWooStore, WooClient, type PosUser } from "@pos/woo";
import { z } from "zod";
import { normaliseStoreUrl } from "./log-in.js";
import { sessionVersion, type Session, type WooCredentials } from "./session.js";

const wpUserSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  slug: z.string(),
  roles: z.array(z.string()).optional(),
});

/**
 * Connects the till to a real WooCommerce store with a consumer key and secret or an application
 * password: reads the store's settings with them and returns a session that keeps them, since
 * WooCommerce has no tokens to refresh. Offline sales follow WooCommerce's lack of a setting:
 * cash and external card are allowed, as on our server's defaults.
 *
 * Our store server is rejected here: a till there logs in with a username and a register id,
 * so that it takes one of the licence's register seats, which a consumer key would skip.
 */
export async function connectWooStore(
  input: { storeUrl: string; credentials: WooCredentials },
  now = new Date(),
): Promise<Session> {
  const storeUrl = normaliseStoreUrl(input.storeUrl);
  const probe = new WooClient({ baseUrl: storeUrl, maxAttempts: 1 });
  if ((await detectStoreKind(probe)) === "pos") {
    throw new Error(
      `The store at ${storeUrl} is a point-of-sale store server: choose "Store server login" ` +
        "and log in with your username and password, so this register is counted.",
    );
  }
  const client = new WooClient({ baseUrl: storeUrl, auth: input.credentials, maxAttempts: 1 });
  const store = await readWooStore(client, {
    offlineSales: { cash: true, external_card: true },
    nowGmt: now.toISOString().slice(0, 19),
  });
  return {
    formatVersion: sessionVersion,
    storeUrl,
    storeKind: "woocommerce",
    accessToken: "",
    refreshToken: "",
    accessExpiresAtMs: Number.MAX_SAFE_INTEGER,
    wooCredentials: input.credentials,
    user: await wooUser(client, input.credentials),
    store,
  };
}

/**
 * Names the WordPress user behind an application password (`wp/v2/users/me`). A consumer key
 * does not tell its user to the REST API, so the till shows the key's last characters instead.
 */
async function wooUser(client: WooClient, credentials: WooCredentials): Promise<PosUser> {
  if (credentials.kind === "consumerKey") {
    const suffix = credentials.consumerKey.slice(-4);
    return {
      id: 0,
      username: `key-${suffix}`,
      display_name: `API key …${suffix}`,
      role: "cashier",
    };
  }
  const me = await client.request({
    route: "wp/v2/users/me",
    query: { context: "edit" },
    schema: wpUserSchema,
  });
  const roles = me.data.roles ?? [];
  const role = roles.includes("administrator")
    ? "administrator"
    : roles.includes("shop_manager")
      ? "manager"
      : "cashier";
  return { id: me.data.id, username: me.data.slug, display_name: me.data.name, role };
}
