import type { LicenceCheck } from "./verify-licence.js";

/**
 * Registers that may be signed in at once without a licence. The community edition keeps every
 * sale path (cash, card, offline queue, refunds, reports); only the register count is limited.
 */
export const COMMUNITY_REGISTERS = 1;

/** Edition name used when no valid licence is present. */
export const COMMUNITY_EDITION = "community";

/**
 * Returns how many registers may be signed in at once: the licence's number while it is valid or
 * in its grace period, otherwise the community edition's. Pass undefined when the store has no
 * licence at all.
 */
export function seatsAllowed(check: LicenceCheck | undefined): number {
  if (check?.status === "valid" || check?.status === "grace") {
    return Math.max(check.licence.registers, COMMUNITY_REGISTERS);
  }
  return COMMUNITY_REGISTERS;
}

/** Returns the edition in force: the licence's while it is valid or in grace, else community. */
export function editionInForce(check: LicenceCheck | undefined): string {
  if (check?.status === "valid" || check?.status === "grace") return check.licence.edition;
  return COMMUNITY_EDITION;
}

export interface RegisterSeatRequest {
  /** The latest licence check, or undefined when the store has no licence. */
  readonly check: LicenceCheck | undefined;
  /** The register asking to sign in. */
  readonly register: string;
  /** Registers signed in now; the asking register may be among them. */
  readonly registersSignedIn: readonly string[];
}

export type RegisterSeatDecision =
  { allowed: true; seats: number } | { allowed: false; seats: number; message: string };

/**
 * Decides whether a register may sign in. A register already signed in keeps its seat, so a
 * cashier change or a page reload never locks a register out.
 */
export function checkRegisterSeat(request: RegisterSeatRequest): RegisterSeatDecision {
  const seats = seatsAllowed(request.check);
  const others = [...new Set(request.registersSignedIn)].filter((r) => r !== request.register);
  if (request.registersSignedIn.includes(request.register) || others.length < seats) {
    return { allowed: true, seats };
  }

  const check = request.check;
  const licensed = check?.status === "valid" || check?.status === "grace";
  const holder = licensed ? `licence ${check.licence.licenceId}` : "the community edition";
  const inUse = others.map((register) => `"${register}"`).join(", ");
  const message =
    `register "${request.register}" cannot sign in: ${holder} allows ${registersText(seats)} ` +
    `and ${inUse} ${others.length === 1 ? "is" : "are"} signed in; sign out a register ` +
    "first, or activate a licence key with more registers";
  const reason = check === undefined || licensed ? "" : `. Licence: ${check.message}`;
  return { allowed: false, seats, message: message + reason };
}

/** Writes a register count with its noun: "1 register", "3 registers". */
export function registersText(count: number): string {
  return `${count} ${count === 1 ? "register" : "registers"}`;
}
