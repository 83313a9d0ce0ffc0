import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context.js";
import type { LoginLimitScope } from "../../auth/login-rate-limiter.js";
import { isRole, roleHasCapability } from "../../auth/capabilities.js";
import { verifyPassword } from "../../auth/passwords.js";
import { findTokenUser, issueTokenPair, revokeRefreshToken } from "../../auth/token-store.js";
import type { TokenPair } from "../../auth/token-store.js";
import { continueDeviceSession, findSessionOfToken } from "../../auth/device-session-store.js";
import { signInDevice } from "../../licence/sign-in-device.js";
import { parseRegisterName } from "../../auth/register-name.js";
import { findUserByUsername } from "../../auth/user-store.js";
import type { UserRow } from "../../auth/user-store.js";
import { WooError } from "../../http/woo-error.js";

const loginBody = z.object({
  username: z.string().min(1).max(200),
  password: z.string().min(1).max(1000),
  /** The till's register id; a client that is not a till sends none and takes no seat. */
  register: z.string().trim().min(1).max(200).optional(),
  /**
   * The register's readable name, such as its receipt prefix. Any JSON value is accepted here,
   * because `parseRegisterName` ignores one that is not a string, as tills before it sent none.
   */
  register_name: z.unknown().optional(),
  /**
   * The handle, from a seat-limit 403's `signed_in` list, of a register to sign out so this one
   * takes its seat. Accepted only from a manager or administrator.
   */
  replace_register: z.string().trim().min(1).max(200).optional(),
});
const refreshBody = z.object({ refresh_token: z.string().min(1).max(200) });

/** A hash of a fixed password, checked when the username is unknown so timing does not tell. */
const unknownUserHash =
  "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

export function registerAuthRoutes(app: FastifyInstance, context: AppContext): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.post(
    "/wp-json/pos/v1/auth/login",
    { schema: { body: loginBody } },
    async (request, reply) => {
      const { username, password } = request.body;
      const registerName = parseRegisterName(request.body.register_name);
      const user = await findUserByUsername(context.store.db, username);
      const attempt = await context.loginRateLimiter.attempt(username, request.ip, () =>
        verifyPassword(password, user?.password_hash ?? unknownUserHash),
      );
      if (attempt.kind === "limited") {
        const seconds = Math.ceil(attempt.retryAfterMs / 1000);
        request.log.warn(
          { username, address: request.ip, scope: attempt.scope },
          "login rate limited",
        );
        reply.header("retry-after", String(seconds));
        throw new WooError(
          429,
          "pos_too_many_logins",
          limitMessage(attempt.scope, username, seconds),
          {
            retry_after: seconds,
            limit: attempt.scope,
          },
        );
      }
      if (user === undefined || attempt.kind === "rejected") {
        request.log.info({ username }, "login failed");
        throw new WooError(401, "pos_invalid_login", "The username or password is incorrect.");
      }
      const register = request.body.register ?? null;
      const device = request.headers["user-agent"] ?? "";
      const takeover = {
        handle: request.body.replace_register ?? null,
        allowed: isRole(user.role) && roleHasCapability(user.role, "manage_staff"),
      };
      const pair = await signInDevice(
        context,
        { userId: user.id, register, registerName, device },
        request.log,
        takeover,
      );
      request.log.info({ userId: user.id, register, registerName }, "login succeeded");
      return tokenBody(pair, user);
    },
  );

  routes.post(
    "/wp-json/pos/v1/auth/refresh",
    { schema: { body: refreshBody } },
    async (request) => {
      const token = request.body.refresh_token;
      const nowMs = context.now().getTime();
      const user = await findTokenUser(context.store.db, token, "refresh", nowMs);
      const session = await findSessionOfToken(context.store.db, token);
      if (user === undefined || !(await revokeRefreshToken(context.store.db, token))) {
        throw new WooError(
          401,
          "pos_invalid_refresh_token",
          "The refresh token is invalid, expired or already used; log in again.",
        );
      }
      const pair = await issueTokenPair(context.store.db, user.id, context.now().getTime());
      if (session !== undefined) {
        await continueDeviceSession(context.store.db, session.id, pair, context.now());
      }
      return tokenBody(pair, user);
    },
  );
}

function tokenBody(pair: TokenPair, user: UserRow) {
  return {
    access_token: pair.accessToken,
    refresh_token: pair.refreshToken,
    token_type: "Bearer",
    expires_in: pair.expiresInSeconds,
    user: {
      id: user.id,
      username: user.username,
      display_name: user.display_name,
      role: user.role,
    },
  };
}

/** Builds the message for a limited login, naming the limit so a cashier behind a shared address is not blamed. */
function limitMessage(scope: LoginLimitScope, username: string, seconds: number): string {
  return scope === "username"
    ? `Too many failed logins for "${username}": try again in ${seconds} s, or ask a manager to reset the password.`
    : `Too many failed logins from this network address: try again in ${seconds} s.`;
}
