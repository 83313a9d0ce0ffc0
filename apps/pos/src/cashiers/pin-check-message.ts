import type { PinCheck } from "./switch-cashier.js";

/** Writes the outcome of a PIN check for the cashier, with what to do next. */
export function pinCheckMessage(check: PinCheck | { kind: "not-a-manager" }): string {
  switch (check.kind) {
    case "accepted":
      return "PIN accepted.";
    case "wrong-pin":
      return `Wrong PIN. ${check.attemptsLeft} ${check.attemptsLeft === 1 ? "attempt" : "attempts"} left before the user is locked.`;
    case "locked":
      return `${check.cashier.display_name} is locked after too many wrong PINs. A manager must unlock them with their own PIN.`;
    case "wait":
      return `Too many wrong PINs. Wait ${Math.ceil(check.waitMs / 1000)} s, then try again.`;
    case "no-pin":
      return "This user has no PIN yet. A manager sets one under Staff and devices.";
    case "unknown-user":
      return "This user is not on this till's staff list. Connect to the store to sync it.";
    case "not-a-manager":
      return "Only a manager or administrator can unlock a user.";
  }
}
