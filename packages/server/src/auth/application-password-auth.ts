import { isIP } from "node:net";
import type { FastifyRequest } from "fastify";
import type { AppContext } from "../app-context.js";
import { WooError } from "../http/woo-error.js";
import { toGmtDateString } from "../time/wp-date.js";
import { useApplicationPassword } from "./application-password-store.js";
import type { LoginLimit } from "./login-rate-limiter.js";
import { findUserByUsername, type UserRow } from "./user-store.js";

/**
 * Authenticates HTTP Basic credentials as a WordPress username and application password, and
 * returns the user the request then acts as. Throws a 401 in WordPress's error shape
 * (`invalid_username`, `incorrect_password`) for wrong credentials, and a 429 once the
 * username or the client address is over the login rate limit.
 *
 * WordPress 5.6+ accepts application passwords only over https or on a site whose environment
 * type is `local`. This server accepts them over https, and over plain http only from a
 * loopback peer (127.0.0.0/8 or ::1), so the password never crosses a network in clear text.
 * A TLS-terminating proxy on another host needs `trustProxy` so that the request counts as https.
 *
 * A correct password is checked before any write, so a till's parallel requests do not count
 * as failures in flight. Only failures are recorded, with `LoginRateLimiter.recordFailure`.
 */
export async function authenticateApplicationPassword(
  context: AppContext,
  request: FastifyRequest,
  credentials: { username: string; password: string },
): Promise<UserRow> {
  const { username, password } = credentials;
  assertApplicationPasswordsAvailable(request);

  const limit = await context.loginRateLimiter.check(username, request.ip);
  if (limit !== null) throw tooManyAttempts(request, username, limit);

  const user = await findUserByUsername(context.store.db, username);
  if (user === undefined) {
    await recordFailure(context, request, username, "unknown username");
    throw new WooError(
      401,
      "invalid_username",
      `Unknown username "${username.slice(0, 80)}": check the username that the application ` +
        "password belongs to.",
    );
  }

  const used = await useApplicationPassword(context.store.db, user, password, {
    nowGmt: toGmtDateString(context.now()),
    ip: request.ip,
  });
  if (used === undefined) {
    await recordFailure(context, request, username, "wrong application password");
    throw new WooError(
      401,
      "incorrect_password",
      `The application password sent for "${username.slice(0, 80)}" is invalid or was ` +
        "revoked: check it, or create a new one.",
    );
  }
  request.log.debug({ userId: user.id, uuid: used.uuid }, "application password accepted");
  return user;
}

/** Returns true for an HTTP Basic username that is not a WooCommerce consumer key (`ck_…`). */
export function isApplicationPasswordUsername(username: string): boolean {
  return !username.startsWith("ck_");
}

function assertApplicationPasswordsAvailable(request: FastifyRequest): void {
  if (request.protocol === "https" || isLoopbackAddress(request.socket.remoteAddress)) return;
  throw new WooError(
    401,
    "application_passwords_disabled",
    `Application passwords are not accepted over plain http from ${request.ip}: connect to ` +
      "the store over https.",
  );
}

/** Returns true for 127.0.0.0/8, ::1 and their IPv4-mapped IPv6 forms. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined || isIP(address) === 0) return false;
  const ipv4 = address.startsWith("::ffff:") ? address.slice("::ffff:".length) : address;
  return ipv4.startsWith("127.") || address === "::1";
}

/** Records one failed attempt; throws the 429 when that attempt is over the limit. */
async function recordFailure(
  context: AppContext,
  request: FastifyRequest,
  username: string,
  reason: string,
): Promise<void> {
  request.log.info({ username, address: request.ip, reason }, "application password rejected");
  const limit = await context.loginRateLimiter.recordFailure(username, request.ip);
  if (limit !== null) throw tooManyAttempts(request, username, limit);
}

function tooManyAttempts(request: FastifyRequest, username: string, limit: LoginLimit): WooError {
  const seconds = Math.ceil(limit.retryAfterMs / 1000);
  request.log.warn(
    { username, address: request.ip, scope: limit.scope },
    "application password rate limited",
  );
  const limitedOn = limit.scope === "username" ? `"${username.slice(0, 80)}"` : request.ip;
  return new WooError(
    429,
    "pos_too_many_logins",
    `Too many failed logins for ${limitedOn}: try again in ${seconds} s.`,
    { retry_after: seconds, limit: limit.scope },
  );
}
