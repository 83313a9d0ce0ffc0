import { toMoney, type TillSession } from "@pos/core";
import { z } from "zod";

const minorUnits = z.number().int().min(0);

/** Core's `TillSession` as stored in IndexedDB and sent to `PUT pos/v1/till-sessions/{id}`. */
export const tillSessionSchema = z.object({
  id: z.string().min(1),
  registerId: z.string().min(1),
  cashierId: z.number().int(),
  currency: z.object({ code: z.string(), decimals: z.number().int().min(0).max(6) }),
  openedAtGmt: z.string(),
  openingFloat: minorUnits,
  movements: z.array(
    z.object({
      kind: z.enum(["in", "out"]),
      amount: minorUnits,
      reason: z.string(),
      atGmt: z.string(),
      cashierId: z.number().int(),
    }),
  ),
  closedAtGmt: z.string().nullable(),
  countedCash: minorUnits.nullable(),
});

/** Parses a session read back from IndexedDB or the server. */
export function parseTillSession(row: unknown): TillSession {
  const result = tillSessionSchema.safeParse(row);
  if (!result.success) {
    const id = typeof row === "object" && row !== null ? String((row as { id?: unknown }).id) : "";
    throw new Error(
      `stored till session ${id} is invalid (${z.prettifyError(result.error)}); it was left as it is`,
    );
  }
  const session = result.data;
  return {
    ...session,
    openingFloat: toMoney(session.openingFloat),
    countedCash: session.countedCash === null ? null : toMoney(session.countedCash),
    movements: session.movements.map((movement) => ({
      ...movement,
      amount: toMoney(movement.amount),
    })),
  };
}
