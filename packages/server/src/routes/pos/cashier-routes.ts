import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context.js";
import { pinProblem } from "../../auth/pin-hash.js";
import {
  attemptUserPin,
  listCashierRecords,
  maxPinFailures,
  recordPinLockout,
  reportedPinLockoutMs,
  setUserPin,
  unlockUserPin,
  type PinLockoutReport,
  type PinLockoutReporter,
} from "../../auth/pin-store.js";
import { findSessionOfToken } from "../../auth/device-session-store.js";
import { withDeviceSessionTables } from "../../auth/device-session-schema.js";
import { requireCapability } from "../../http/require-capability.js";
import { invalidParamError, WooError } from "../../http/woo-error.js";

/**
 * A user id in a path: plain decimal digits only, because `z.coerce.number` also read "0x2",
 * "1e0", "2.0" and " 2" as ids and acted on those users.
 */
const userParams = z.object({
  id: z
    .string()
    .regex(/^\d{1,15}$/, "send the user id as plain decimal digits, such as /users/2/")
    .transform(Number)
    .refine((id) => id > 0, "send a user id above 0"),
});
const pinBody = z.object({ pin: z.string().max(100) });
const lockoutBody = z.object({
  /** When the till locked the user, ISO 8601; read as UTC without a zone designator. */
  locked_at_gmt: z.string().max(40),
  /** The register that counted the wrong PINs, for the log. */
  register: z.string().max(200).optional(),
});

/**
 * Staff PINs for switching cashiers on a shared register. The till reads every PIN hash with
 * `GET cashiers` and checks PINs itself, so switching works offline.
 */
export function registerCashierRoutes(app: FastifyInstance, context: AppContext): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    "/wp-json/pos/v1/cashiers",
    { preHandler: requireCapability(context, "create_orders", "list") },
    async () => ({
      max_failures: maxPinFailures,
      cashiers: await listCashierRecords(context.store.db, context.now()),
    }),
  );

  routes.put(
    "/wp-json/pos/v1/users/:id/pin",
    {
      schema: { params: userParams, body: pinBody },
      preHandler: requireCapability(context, "manage_staff", "edit"),
    },
    async (request) => {
      const userId = await existingUserId(context, request.params.id);
      const problem = pinProblem(request.body.pin);
      if (problem !== null) throw invalidParamError("pin", problem);
      await setUserPin(context.store.db, userId, request.body.pin, context.now());
      request.log.info({ userId, by: request.user?.id }, "PIN set");
      return { user_id: userId, pin_set: true, locked: false };
    },
  );

  routes.post(
    "/wp-json/pos/v1/users/:id/pin/unlock",
    {
      schema: { params: userParams },
      preHandler: requireCapability(context, "manage_staff", "edit"),
    },
    async (request) => {
      const userId = await existingUserId(context, request.params.id);
      if (!(await unlockUserPin(context.store.db, userId, context.now()))) throw noPinError(userId);
      request.log.info({ userId, by: request.user?.id }, "PIN unlocked");
      return { user_id: userId, locked: false };
    },
  );

  routes.post(
    "/wp-json/pos/v1/users/:id/pin/lockout",
    {
      schema: { params: userParams, body: lockoutBody },
      preHandler: requireCapability(context, "create_orders", "create"),
    },
    async (request) => {
      const reporter = await lockoutReporter(context, request);
      const userId = await existingUserId(context, request.params.id);
      const lockedAt = parseGmtInstant(request.body.locked_at_gmt);
      const now = context.now();
      const report = await recordPinLockout(context.store.db, userId, lockedAt, now, reporter);
      const logged = {
        userId,
        reportedByUserId: reporter.userId,
        register: reporter.register,
        registerName: reporter.registerName,
        sentRegister: request.body.register ?? null,
        outcome: report.outcome,
      };
      request.log.info(logged, "PIN lockout reported by a till");
      return lockoutReply(userId, report);
    },
  );

  routes.post(
    "/wp-json/pos/v1/users/:id/pin/verify",
    {
      schema: { params: userParams, body: pinBody },
      preHandler: requireCapability(context, "create_orders", "create"),
    },
    async (request) => {
      const userId = await existingUserId(context, request.params.id);
      const attempt = await attemptUserPin(
        context.store.db,
        userId,
        request.body.pin,
        context.now(),
      );
      switch (attempt.outcome) {
        case "accepted":
          return { user_id: userId, verified: true };
        case "no-pin":
          throw noPinError(userId);
        case "locked":
          throw new WooError(
            423,
            "pos_pin_locked",
            `User ${userId} is locked after too many wrong PINs. A manager can unlock them, ` +
              `and a lock a till reported also ends ${reportedPinLockoutMs / 60_000} minutes ` +
              "after it began.",
          );
        case "rejected":
          throw new WooError(403, "pos_pin_incorrect", "The PIN is incorrect.", {
            attempts_left: attempt.attemptsLeft,
          });
      }
    },
  );
}

async function existingUserId(context: AppContext, id: number): Promise<number> {
  const user = await withDeviceSessionTables(context.store.db)
    .selectFrom("users")
    .select("id")
    .where("id", "=", id)
    .executeTakeFirst();
  if (user === undefined)
    throw new WooError(404, "pos_user_not_found", `No staff user has id ${id}.`);
  return user.id;
}

/**
 * Returns the till session a lockout report came from. Only a till signed in as a register
 * counts wrong PINs, so a report from any other session, such as a cashier's API login, is
 * rejected: it would let anyone lock a manager out.
 */
async function lockoutReporter(
  context: AppContext,
  request: FastifyRequest,
): Promise<PinLockoutReporter> {
  const token = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? "")?.[1];
  const session =
    token === undefined ? undefined : await findSessionOfToken(context.store.db, token);
  if (session === undefined || session.register === null || session.revoked_gmt !== null) {
    request.log.warn(
      { reportedByUserId: request.user?.id ?? null },
      "PIN lockout report rejected: not from a till session",
    );
    throw new WooError(
      403,
      "pos_lockout_not_from_till",
      "PIN lockouts are reported only by a till signed in as a register. Log in on the till " +
        "and let it report the lockout, or ask a manager to unlock the user.",
    );
  }
  return {
    register: session.register,
    registerName: session.register_name,
    userId: session.user_id,
  };
}

function noPinError(userId: number): WooError {
  return new WooError(
    404,
    "pos_pin_not_set",
    `User ${userId} has no PIN; a manager must set one first.`,
  );
}

const isoInstant =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):?(\d{2}))?$/i;

/**
 * Reads an ISO 8601 instant, as UTC without a zone designator. Each field is checked against
 * its range first, because `Date` rolls "2026-02-30" over to 2 March instead of rejecting it.
 */
function parseGmtInstant(text: string): Date {
  const match = isoInstant.exec(text);
  const fields = match?.slice(1, 10).map((field) => (field === undefined ? 0 : Number(field)));
  if (match === null || fields === undefined || !fieldsInRange(fields)) {
    throw invalidParamError(
      "locked_at_gmt",
      `locked_at_gmt "${text}" is not a valid ISO 8601 instant; send one such as ` +
        "2026-12-04T09:12:00Z.",
    );
  }
  const zoned = match[7] === undefined ? `${text}Z` : text;
  return new Date(zoned);
}

function fieldsInRange(fields: number[]): boolean {
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = fields;
  const [offsetHours = 0, offsetMinutes = 0] = fields.slice(7);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    offsetHours <= 23 &&
    offsetMinutes <= 59
  );
}

function lockoutReply(userId: number, report: PinLockoutReport) {
  switch (report.outcome) {
    case "no-pin":
      throw noPinError(userId);
    case "locked":
      return {
        user_id: userId,
        locked: true,
        locked_gmt: report.lockedGmt,
        locked_until_gmt: report.lockedUntilGmt,
      };
    case "expired":
      return { user_id: userId, locked: false, reason: "expired" };
    case "unlocked-since":
      return {
        user_id: userId,
        locked: false,
        reason: "unlocked-since",
        updated_gmt: report.updatedGmt,
      };
  }
}
