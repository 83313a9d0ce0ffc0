import type { FastifyRequest } from "fastify";
import type { AppContext } from "../app-context.js";
import { findApiKey } from "../auth/api-key-store.js";
import type { StoredApiKey } from "../auth/api-key-store.js";
import { oauthBaseString, oauthSignatureMatches } from "../auth/oauth1-signature.js";
import { requestBaseUrl } from "./request-base-url.js";
import { WooError } from "./woo-error.js";

/** WooCommerce accepts OAuth timestamps up to 15 minutes old (`$valid_window`). */
const validWindowSeconds = 15 * 60;
const requiredParams = [
  "oauth_consumer_key",
  "oauth_signature",
  "oauth_signature_method",
  "oauth_timestamp",
  "oauth_nonce",
];

const authError = (message: string) =>
  new WooError(401, "woocommerce_rest_authentication_error", message);

/**
 * Authenticates a one-legged OAuth 1.0a request over plain http, signed in the query string as
 * WooCommerce's REST API accepts it. Returns undefined when the request carries no OAuth
 * parameters; a bad signature, an old timestamp or a reused nonce is rejected with 401.
 */
export async function authenticateOauth1(
  context: AppContext,
  request: FastifyRequest,
): Promise<StoredApiKey | undefined> {
  const [path = "", query = ""] = request.url.split("?");
  const params = new Map(new URLSearchParams(query).entries());
  if (!params.has("oauth_consumer_key")) return undefined;
  const missing = requiredParams.filter((name) => !params.has(name));
  if (missing.length > 0) throw authError(`Missing OAuth parameter ${missing.join(", ")}`);

  const key = await findApiKey(context.store.db, params.get("oauth_consumer_key") ?? "");
  if (key === undefined) throw authError("Consumer key is invalid.");
  const method = params.get("oauth_signature_method");
  if (method !== "HMAC-SHA1" && method !== "HMAC-SHA256") {
    throw authError("Invalid signature - signature method is invalid.");
  }
  const baseString = oauthBaseString(request.method, `${requestBaseUrl(request)}${path}`, params);
  if (
    !oauthSignatureMatches(
      baseString,
      key.consumerSecret,
      method,
      params.get("oauth_signature") ?? "",
    )
  ) {
    request.log.warn({ apiKeyId: key.id }, "OAuth signature does not match");
    throw authError("Invalid signature - provided signature does not match.");
  }
  await checkTimestampAndNonce(context, key.id, params);
  return key;
}

async function checkTimestampAndNonce(
  context: AppContext,
  keyId: number,
  params: ReadonlyMap<string, string>,
) {
  const timestamp = Number(params.get("oauth_timestamp"));
  const nowSeconds = Math.floor(context.now().getTime() / 1000);
  if (!Number.isInteger(timestamp) || timestamp < nowSeconds - validWindowSeconds) {
    throw authError("Invalid timestamp.");
  }
  const db = context.store.db;
  await db
    .deleteFrom("oauth_nonces")
    .where("api_key_id", "=", keyId)
    .where("timestamp_seconds", "<", nowSeconds - validWindowSeconds)
    .execute();
  const inserted = await db
    .insertInto("oauth_nonces")
    .values({
      api_key_id: keyId,
      nonce: params.get("oauth_nonce") ?? "",
      timestamp_seconds: timestamp,
    })
    .onConflict((conflict) => conflict.columns(["api_key_id", "nonce"]).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) {
    throw authError("Invalid nonce - nonce has already been used.");
  }
}
