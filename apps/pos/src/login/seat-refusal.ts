import { WooApiError } from "@pos/woo";
import { z } from "zod";

/** A register the store lists as holding a seat when it rejects a login for the seat limit. */
export interface SeatHolder {
  /** The opaque handle the store accepts in `replace_register` from a manager's login. */
  handle: string;
  /** The register's readable name, or null for a till that sent none. */
  name: string | null;
  userName: string | null;
}

/** The store's seat-limit refusal, as the login screen offers it. */
export interface SeatRefusal {
  holders: SeatHolder[];
  /** Whether the user logging in is a manager or administrator, who may sign a register out. */
  canReplace: boolean;
}

const refusalDataSchema = z.object({
  signed_in: z.array(
    z.object({
      handle: z.string().min(1),
      name: z.string().nullable(),
      user_name: z.string().nullable().optional(),
    }),
  ),
  can_replace: z.boolean(),
});

/**
 * Reads a failed login as a seat-limit refusal, or returns null for any other failure or for a
 * store too old to list handles.
 */
export function seatRefusalOf(failure: unknown): SeatRefusal | null {
  if (!(failure instanceof WooApiError) || failure.code !== "pos_register_limit") return null;
  const data = refusalDataSchema.safeParse(failure.data);
  if (!data.success) return null;
  return {
    holders: data.data.signed_in.map((holder) => ({
      handle: holder.handle,
      name: holder.name,
      userName: holder.user_name ?? null,
    })),
    canReplace: data.data.can_replace,
  };
}

/** Labels the button that signs a register out: `Sign out R7KQ2 and use this device`. */
export function takeoverLabel(holder: SeatHolder): string {
  const name =
    holder.name ?? (holder.userName ? `the register of ${holder.userName}` : "the other register");
  return `Sign out ${name} and use this device`;
}
