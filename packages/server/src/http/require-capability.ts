import type { FastifyRequest, preHandlerAsyncHookHandler } from "fastify";
import type { Capability } from "../auth/capabilities.js";
import { isRole, roleHasCapability } from "../auth/capabilities.js";
import { checkApiKey } from "../auth/api-key-store.js";
import {
  authenticateApplicationPassword,
  isApplicationPasswordUsername,
} from "../auth/application-password-auth.js";
import type { ApiKeyPermissions } from "../auth/api-key-store.js";
import { authenticateOauth1 } from "./oauth1-auth.js";
import { findTokenUser } from "../auth/token-store.js";
import type { UserRow } from "../auth/user-store.js";
import type { AppContext } from "../app-context.js";
import { WooError } from "./woo-error.js";

export type RouteAction = "list" | "view" | "create" | "edit" | "delete" | "batch";

declare module "fastify" {
  interface FastifyRequest {
    user?: UserRow;
  }
}

/** WooCommerce's refusal codes and messages for each kind of action. */
const refusals: Record<RouteAction, { code: string; message: string }> = {
  list: { code: "woocommerce_rest_cannot_view", message: "Sorry, you cannot list resources." },
  view: { code: "woocommerce_rest_cannot_view", message: "Sorry, you cannot view this resource." },
  create: {
    code: "woocommerce_rest_cannot_create",
    message: "Sorry, you are not allowed to create resources.",
  },
  edit: {
    code: "woocommerce_rest_cannot_edit",
    message: "Sorry, you are not allowed to edit this resource.",
  },
  delete: {
    code: "woocommerce_rest_cannot_delete",
    message: "Sorry, you are not allowed to delete this resource.",
  },
  batch: {
    code: "woocommerce_rest_cannot_batch",
    message: "Sorry, you are not allowed to batch manipulate this resource.",
  },
};

/**
 * Authenticates the bearer token and checks the user's role for `capability`: 401 without a
 * valid token, 403 when the role lacks the capability (as WordPress's
 * `rest_authorization_required_code` decides).
 */
export function requireCapability(
  context: AppContext,
  capability: Capability,
  action: RouteAction,
): preHandlerAsyncHookHandler {
  return async (request: FastifyRequest) => {
    const refusal = refusals[action];
    const token = bearerToken(request.headers.authorization);
    const user =
      token === null
        ? await authenticateApiKey(context, request)
        : await findTokenUser(context.store.db, token, "access", context.now().getTime());
    if (user === undefined) throw new WooError(401, refusal.code, refusal.message);
    if (!isRole(user.role) || !roleHasCapability(user.role, capability)) {
      throw new WooError(403, refusal.code, refusal.message);
    }
    request.user = user;
  };
}

/**
 * Authenticates HTTP Basic credentials whose username is not a consumer key (`ck_…`) as a
 * WordPress username and application password. Otherwise authenticates a WooCommerce consumer
 * key sent over https, by HTTP Basic or by the `consumer_key` and `consumer_secret` query
 * parameters, as WooCommerce accepts them. Over plain http those credentials are ignored, as on
 * WooCommerce, and only an OAuth 1.0a signature in the query string authenticates.
 */
async function authenticateApiKey(
  context: AppContext,
  request: FastifyRequest,
): Promise<UserRow | undefined> {
  const basic = basicCredentials(request.headers.authorization);
  if (basic !== null && isApplicationPasswordUsername(basic.key)) {
    const credentials = { username: basic.key, password: basic.secret };
    return authenticateApplicationPassword(context, request, credentials);
  }
  if (request.protocol !== "https") {
    const key = await authenticateOauth1(context, request);
    return key === undefined ? undefined : withPermission(request, key.permissions, key.user);
  }
  const credentials =
    basicCredentials(request.headers.authorization) ?? queryCredentials(request.url);
  if (credentials === null) return undefined;

  const check = await checkApiKey(context.store.db, credentials.key, credentials.secret);
  if (!check.ok) {
    if (check.reason === "unknown_key") return undefined;
    request.log.warn("API key authentication failed: wrong consumer secret");
    throw new WooError(401, "woocommerce_rest_authentication_error", "Consumer secret is invalid.");
  }
  return withPermission(request, check.permissions, check.user);
}

/** Lets read keys only read and write keys only write, as WooCommerce's key permissions do. */
function withPermission(
  request: FastifyRequest,
  permissions: ApiKeyPermissions,
  user: UserRow,
): UserRow {
  const reading = request.method === "GET" || request.method === "HEAD";
  const allowed = permissions === "read_write" || permissions === (reading ? "read" : "write");
  if (!allowed) {
    const needed = reading ? "read" : "write";
    throw new WooError(
      401,
      "woocommerce_rest_authentication_error",
      `The API key provided does not have ${needed} permissions.`,
    );
  }
  return user;
}

function basicCredentials(header: string | undefined): { key: string; secret: string } | null {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? "");
  if (match?.[1] === undefined) return null;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const separator = decoded.indexOf(":");
  if (separator < 0) return null;
  return { key: decoded.slice(0, separator), secret: decoded.slice(separator + 1) };
}

/** Reads the raw query, because route schemas drop parameters they do not name. */
function queryCredentials(url: string): { key: string; secret: string } | null {
  const params = new URLSearchParams(url.split("?")[1] ?? "");
  const key = params.get("consumer_key");
  const secret = params.get("consumer_secret");
  return key !== null && secret !== null ? { key, secret } : null;
}

function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? "");
  return match?.[1] ?? null;
}
