import type { FastifyBaseLogger } from "fastify";
import { checkRegisterSeat, type LicenceCheck, type SignedInRegister } from "@pos/licence";
import type { AppContext } from "../app-context.js";
import {
  listDeviceSessions,
  openDeviceSession,
  revokeRegisterSessions,
} from "../auth/device-session-store.js";
import type { NewDeviceSession } from "../auth/device-session-store.js";
import { issueTokenPair, type TokenPair } from "../auth/token-store.js";
import { WooError } from "../http/woo-error.js";
import { exclusiveLockKeys, withExclusiveLock } from "../db/exclusive-lock.js";
import { registerHandle } from "./register-handle.js";
import { takeOverSeat, type SeatTakeover } from "./take-over-seat.js";

type Db = Parameters<typeof listDeviceSessions>[0];

/**
 * Issues a token pair and opens the device session of a login.
 *
 * A login that names a register takes a seat: the count of signed-in registers, the seat
 * decision and the new session are one locked transaction, so two registers signing in at the
 * same instant cannot both take the last seat. A register that already has an open session
 * keeps its seat. Beyond the licence's register limit the login is rejected with a 403 that
 * names the limit, lists the registers signed in by name and handle, and sets `can_replace` to
 * whether the user may sign one out. Nothing is written. With a `takeover` handle, a login of a
 * manager or administrator that the limit rejects signs out the register with that handle,
 * revoking its sessions, and takes its seat in the same transaction.
 *
 * A login without a register is an API client, not a till: it takes no seat and is not counted.
 */
export async function signInDevice(
  context: AppContext,
  session: NewDeviceSession,
  log: FastifyBaseLogger,
  takeover: SeatTakeover = { handle: null, allowed: false },
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
    let signedIn = await signedInRegisters(db, now);
    let decision = decideSeat(check, session, signedIn);
    if (!decision.allowed && takeover.handle !== null) {
      const replaced = takeOverSeat(
        { ...takeover, handle: takeover.handle },
        session,
        signedIn,
        log,
      );
      const revoked = await revokeRegisterSessions(db, replaced.register, now);
      log.warn(
        {
          userId: session.userId,
          register,
          replacedRegister: replaced.register,
          replacedRegisterName: replaced.registerName ?? null,
          revokedSessions: revoked,
        },
        "register sign-in took over the seat of a signed-in register",
      );
      signedIn = signedIn.filter((entry) => entry.register !== replaced.register);
      decision = decideSeat(check, session, signedIn);
    }
    if (!decision.allowed) {
      log.warn(
        { register, registerName: session.registerName ?? null, seats: decision.seats },
        "register sign-in rejected: no free seat",
      );
      throw new WooError(403, "pos_register_limit", decision.message, {
        registers: decision.seats,
        signed_in: signedInData(signedIn, register),
        can_replace: takeover.allowed,
      });
    }
    const pair = await issueTokenPair(db, session.userId, now.getTime());
    await openDeviceSession(db, session, pair, now);
    return pair;
  });
}

/**
 * Decides the seat on register handles rather than ids, so the message names another register
 * without a name by its handle and never by its id.
 */
function decideSeat(
  check: LicenceCheck | undefined,
  session: NewDeviceSession,
  signedIn: readonly SignedInRegister[],
) {
  return checkRegisterSeat({
    check,
    register: registerHandle(session.register ?? ""),
    // The asking till's own id may show: it is the other registers' ids that must not.
    registerName: session.registerName || (session.register ?? ""),
    registersSignedIn: signedIn.map((entry) => ({
      ...entry,
      register: registerHandle(entry.register),
    })),
  });
}

/**
 * Lists the other registers signed in for the 403, one entry per register: its handle, its
 * name or null, and the user and time of its most recent session.
 */
function signedInData(signedIn: readonly SignedInRegister[], register: string) {
  const latest = new Map<string, SignedInRegister>();
  for (const entry of signedIn) {
    if (entry.register === register) continue;
    const kept = latest.get(entry.register);
    if (kept === undefined || (entry.lastUsedGmt ?? "") > (kept.lastUsedGmt ?? "")) {
      latest.set(entry.register, {
        ...entry,
        registerName: entry.registerName ?? kept?.registerName,
      });
    } else if (kept.registerName === undefined && entry.registerName !== undefined) {
      latest.set(entry.register, { ...kept, registerName: entry.registerName });
    }
  }
  return [...latest.values()]
    .map((entry) => ({
      handle: registerHandle(entry.register),
      name: entry.registerName ?? null,
      user_name: entry.userName ?? null,
      last_used_gmt: entry.lastUsedGmt ?? null,
    }))
    .sort((a, b) => a.handle.localeCompare(b.handle, "en"));
}

/** Lists the open sessions that name a register, with who used each and when. */
async function signedInRegisters(db: Db, now: Date): Promise<SignedInRegister[]> {
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
