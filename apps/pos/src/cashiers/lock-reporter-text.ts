import type { CashierRecord } from "./cashier-record.js";

/**
 * Describes who reported a staff member's PIN lock, for the manager's staff list: `locked by
 * register RFRONT (Casey Cashier)`. Returns null when the user is not locked, and a plain
 * `locked` when the store counted the lock itself or sent no reporter.
 */
export function lockReporterText(record: CashierRecord): string | null {
  if (!record.locked) return null;
  const reporter = record.locked_by;
  if (!reporter) return "locked";
  const register = reporter.register_name ? `register ${reporter.register_name}` : "a register";
  const user = reporter.user_name ?? `user ${reporter.user_id}`;
  return `locked by ${register} (${user})`;
}
