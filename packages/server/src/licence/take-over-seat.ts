import type { FastifyBaseLogger } from "fastify";
import type { SignedInRegister } from "@pos/licence";
import type { NewDeviceSession } from "../auth/device-session-store.js";
import { WooError } from "../http/woo-error.js";
import { registerHandle } from "./register-handle.js";

/** A login's request to sign out another register and take its seat. */
export interface SeatTakeover {
  /** The `replace_register` handle the 403 listed for the register to sign out, or null. */
  handle: string | null;
  /** Whether the user logging in may sign out a register: a manager or administrator. */
  allowed: boolean;
}

/**
 * Returns the signed-in register that `takeover` names, after checking that the user may sign
 * it out. Raises a 403 for a cashier and a 400 for a handle that names no other signed-in
 * register, such as one that signed out meanwhile.
 */
export function takeOverSeat(
  takeover: SeatTakeover & { handle: string },
  session: NewDeviceSession,
  signedIn: readonly SignedInRegister[],
  log: FastifyBaseLogger,
): SignedInRegister {
  const target = signedIn.find(
    (entry) =>
      entry.register !== session.register && registerHandle(entry.register) === takeover.handle,
  );
  const shown = target?.registerName ? `register "${target.registerName}"` : "that register";
  if (!takeover.allowed) {
    log.warn(
      { userId: session.userId, handle: takeover.handle },
      "register takeover rejected: not a manager",
    );
    throw new WooError(
      403,
      "pos_register_takeover_forbidden",
      `Only a manager or administrator can sign out ${shown} to use this device: ask a manager ` +
        `to log in here.`,
    );
  }
  if (target === undefined) {
    const message =
      `replace_register "${takeover.handle}" names no register signed in now: log in without ` +
      `it, or with a handle from the latest refusal's signed_in list.`;
    throw new WooError(400, "rest_invalid_param", `Invalid parameter(s): replace_register`, {
      params: { replace_register: message },
    });
  }
  return target;
}
