import type { FastifyBaseLogger } from "fastify";
import type { AppContext } from "../app-context.js";
import { WooError } from "../http/woo-error.js";

/**
 * Rejects a register sign-in beyond the licence's register limit with a 403 that names the
 * limit. A register that already has an open session keeps its seat.
 * NOTE: the count and the new session are not in one transaction, so two registers signing in
 * at the same instant can both take the last seat. Logins that send no register are not counted.
 */
export async function assertRegisterSeat(
  context: AppContext,
  register: string,
  log: FastifyBaseLogger,
): Promise<void> {
  const decision = await context.licence.checkSeat(register);
  if (decision.allowed) return;
  log.warn({ register, seats: decision.seats }, "register sign-in rejected: no free seat");
  throw new WooError(403, "pos_register_limit", decision.message, { registers: decision.seats });
}
