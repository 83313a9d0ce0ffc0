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

/** A register signed in now, with the user and time of its last use where recorded. */
export interface SignedInRegister {
  /** The register id the till sent at login. */
  readonly register: string;
  /**
   * The readable name the till sent at login, such as its receipt prefix "R7KQ2". Absent for
   * tills that send none, which messages then name by `register`.
   */
  readonly registerName?: string;
  /** The user of the register's most recent session. */
  readonly userName?: string;
  /** ISO 8601 UTC instant the register last used its session. */
  readonly lastUsedGmt?: string;
}

export interface RegisterSeatRequest {
  /** The latest licence check, or undefined when the store has no licence. */
  readonly check: LicenceCheck | undefined;
  /** The register asking to sign in. */
  readonly register: string;
  /** The readable name the asking register sent, if any. */
  readonly registerName?: string;
  /**
   * Registers signed in now, one entry or several per register. The asking register may be
   * among them.
   */
  readonly registersSignedIn: readonly SignedInRegister[];
}

export type RegisterSeatDecision =
  { allowed: true; seats: number } | { allowed: false; seats: number; message: string };

/**
 * Decides whether a register may sign in. A register already signed in keeps its seat, so a
 * cashier change or a page reload never locks a register out.
 */
export function checkRegisterSeat(request: RegisterSeatRequest): RegisterSeatDecision {
  const seats = seatsAllowed(request.check);
  const signedIn = request.registersSignedIn;
  const others = latestPerRegister(signedIn).filter((entry) => entry.register !== request.register);
  if (signedIn.some((entry) => entry.register === request.register) || others.length < seats) {
    return { allowed: true, seats };
  }
  return { allowed: false, seats, message: noSeatMessage(request, seats, others) };
}

function noSeatMessage(
  request: RegisterSeatRequest,
  seats: number,
  others: readonly SignedInRegister[],
): string {
  const check = request.check;
  const licensed = check?.status === "valid" || check?.status === "grace";
  const holder = licensed ? `Licence ${check.licence.licenceId}` : "The community edition";
  const inUse = others.map((entry) => describeSignedIn(entry, others)).join("; ");
  const verb = others.length === 1 ? "is" : "are";
  const reason =
    check === undefined || licensed ? "" : ` Licence: ${check.message.replace(/\.$/, "")}.`;
  return (
    `${holder} allows ${registersText(seats)} at once, and ${others.length} ${verb} signed in: ` +
    `${inUse}. Register "${shownName(request)}" can sign in once one of them signs out: a ` +
    `manager or administrator can log in on this device and sign one of them out, revoke a ` +
    `register under Staff and devices, or activate a licence key with more registers.${reason}`
  );
}

/**
 * Keeps one entry per register, the most recently used, in order of register id. It takes the
 * name of the most recently used session that sent one, so a register stays named after one
 * login from a till that sent no name.
 */
function latestPerRegister(entries: readonly SignedInRegister[]): SignedInRegister[] {
  const latest = new Map<string, SignedInRegister>();
  const named = new Map<string, SignedInRegister>();
  for (const entry of entries) {
    if (isNewer(entry, latest.get(entry.register))) latest.set(entry.register, entry);
    if (entry.registerName && isNewer(entry, named.get(entry.register))) {
      named.set(entry.register, entry);
    }
  }
  const kept = [...latest.values()].map((entry) => {
    const registerName = entry.registerName || named.get(entry.register)?.registerName;
    return registerName ? { ...entry, registerName } : entry;
  });
  return kept.sort((a, b) => (a.register < b.register ? -1 : 1));
}

function isNewer(entry: SignedInRegister, kept: SignedInRegister | undefined): boolean {
  return kept === undefined || (entry.lastUsedGmt ?? "") > (kept.lastUsedGmt ?? "");
}

/**
 * Writes `R7KQ2 (Ann Smith, last active 2026-12-04 09:12 UTC)`, leaving out what is unknown. A
 * register that sent no name shows its id, and a name that two listed registers share is
 * followed by the id, so the manager can tell them apart under Staff and devices.
 */
function describeSignedIn(entry: SignedInRegister, listed: readonly SignedInRegister[]): string {
  const shared = listed.some(
    (other) =>
      other !== entry &&
      other.registerName !== undefined &&
      other.registerName === entry.registerName,
  );
  const details = [
    shared ? entry.register : undefined,
    entry.userName,
    entry.lastUsedGmt ? `last active ${minuteOf(entry.lastUsedGmt)} UTC` : undefined,
  ].filter((detail): detail is string => detail !== undefined && detail !== "");
  const name = shownName(entry);
  return details.length > 0 ? `${name} (${details.join(", ")})` : name;
}

/** Returns the register's readable name, or its id when it sent none. */
function shownName(entry: { register: string; registerName?: string }): string {
  return entry.registerName !== undefined && entry.registerName !== ""
    ? entry.registerName
    : entry.register;
}

function minuteOf(isoInstant: string): string {
  // The store writes GMT instants without a zone designator, as WooCommerce does, and
  // `Date` would read those as local time.
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/.test(isoInstant) ? isoInstant : `${isoInstant}Z`;
  const instant = new Date(zoned);
  if (Number.isNaN(instant.getTime())) return isoInstant;
  return instant.toISOString().slice(0, 16).replace("T", " ");
}

/** Writes a register count with its noun: "1 register", "3 registers". */
export function registersText(count: number): string {
  return `${count} ${count === 1 ? "register" : "registers"}`;
}
