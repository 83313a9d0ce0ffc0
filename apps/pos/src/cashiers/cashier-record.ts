import { z } from "zod";

/** A PIN hash as the store server sends it: PBKDF2-SHA256 with its parameters. */
export const pinHashSchema = z.object({
  algorithm: z.literal("PBKDF2-SHA256"),
  iterations: z.number().int().min(1000).max(10_000_000),
  salt: z.string().regex(/^[A-Za-z0-9_-]+$/),
  hash: z.string().regex(/^[A-Za-z0-9_-]+$/),
});

export type PinHash = z.infer<typeof pinHashSchema>;

/** A staff member of `GET pos/v1/cashiers`. */
export const cashierRecordSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  display_name: z.string(),
  role: z.enum(["administrator", "manager", "cashier"]),
  pin: pinHashSchema.nullable(),
  failed_attempts: z.number().int().nonnegative(),
  locked: z.boolean(),
  updated_gmt: z.string().nullable(),
  /**
   * When the store's lock began and ends, in GMT without a zone designator. A null end means
   * the lock lasts until a manager unlocks. Both are absent from staff lists stored before the
   * store sent them.
   */
  locked_gmt: z.string().nullable().optional(),
  locked_until_gmt: z.string().nullable().optional(),
  /**
   * The till that reported the lock in force: its register name and the user signed in there.
   * Null for a lock the store counted itself, absent from stores before it sent it.
   */
  locked_by: z
    .object({
      register_name: z.string().nullable(),
      user_id: z.number().int(),
      user_name: z.string().nullable(),
    })
    .nullable()
    .optional(),
});

export type CashierRecord = z.infer<typeof cashierRecordSchema>;

export const cashiersResponseSchema = z.object({
  max_failures: z.number().int().positive(),
  cashiers: z.array(cashierRecordSchema),
});
