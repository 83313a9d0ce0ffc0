import type { FastifyBaseLogger } from "fastify";
import { checkRegisterSeat, type SignedInRegister } from "@pos/licence";
import type { AppContext } from "../app-context.js";
import { listDeviceSessions, openDeviceSession } from "../auth/device-session-store.js";
import type { NewDeviceSession } from "../auth/device-session-store.js";
import { issueTokenPair, type TokenPair } from "../auth/token-store.js";
import { WooError } from "../http/woo-error.js";
import { exclusiveLockKeys, withExclusiveLock } from "../db/exclusive-lock.js";

/**
 * Issues a token pair and opens the device session of a login.
 *
 * A login that names a register takes a seat: the count of signed-in registers, the seat
 * decision and the new session are one locked transaction, so two registers signing in at the
 * same instant cannot both take the last seat. A register that already has an open session
 * keeps its seat. Beyond the licence's register limit the login is rejected with a 403 that
 * names the limit, and nothing is written.
 *
 * A login without a register is an API client, not a till: it takes no seat and is not counted.
 */
export async function signInDevice(
  context: AppContext,
  session: NewDeviceSession,
  log: FastifyBaseLogger,
): Promise<TokenPair> {
  const now = context.now();
  const register = session.register;
  if (register === null) {
    return context.store.db.transaction().execute(async (trx) => {
      const pair = await issueTokenPair(trx, session.userId, now.getTime());
      await openDeviceSession(trx, session, pair, now);
      return pair;
    });
  }

  // The licence is read before the lock: on SQLite the lock holds the only connection.
  const check = await context.licence.check();
  return withExclusiveLock(context.store, exclusiveLockKeys.registerSeat, async (db) => {
    const signedIn = await signedInRegisters(db, now);
    const decision = checkRegisterSeat({
      check,
      register,
      ...(session.registerName ? { registerName: session.registerName } : {}),
      registersSignedIn: signedIn,
    });
    if (!decision.allowed) {
      log.warn(
        { register, registerName: session.registerName ?? null, seats: decision.seats },
        "register sign-in rejected: no free seat",
      );
      throw new WooError(403, "pos_register_limit", decision.message, {
        registers: decision.seats,
        signed_in: [...new Set(signedIn.map((entry) => entry.register))].sort(),
      });
    }
    const pair = await issueTokenPair(db, session.userId, now.getTime());
    await openDeviceSession(db, session, pair, now);
    return pair;
  });
}

/** Lists the open sessions that name a register, with who used each and when. */
async function signedInRegisters(
  db: Parameters<typeof listDeviceSessions>[0],
  now: Date,
): Promise<SignedInRegister[]> {
  const sessions = await listDeviceSessions(db, { now });
  return sessions.flatMap((session) =>
    session.register === null
      ? []
      : [
          {
            register: session.register,
            ...(session.registerName !== null ? { registerName: session.registerName } : {}),
            userName: session.displayName || session.username,
            lastUsedGmt: session.lastUsedGmt,
          },
        ],
  );
}
