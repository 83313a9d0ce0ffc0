import type { TillSession } from "@pos/core";
import { toMoney } from "@pos/core";
import { z } from "zod";

const minorUnits = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const instant = z.iso.datetime({ offset: true });

const cashMovementSchema = z.object({
  kind: z.enum(["in", "out"]),
  amount: minorUnits.min(1),
  reason: z.string().trim().min(1).max(500),
  atGmt: instant,
  cashierId: z.number().int(),
});

/** A till session on the wire: core's `TillSession`, amounts in minor units. */
export const tillSessionBody = z
  .object({
    id: z.string().min(1).max(100),
    registerId: z.string().min(1).max(100),
    cashierId: z.number().int(),
    currency: z.object({
      code: z.string().min(3).max(3),
      decimals: z.number().int().min(0).max(6),
    }),
    openedAtGmt: instant,
    openingFloat: minorUnits,
    movements: z.array(cashMovementSchema).max(10_000),
    closedAtGmt: instant.nullable(),
    countedCash: minorUnits.nullable(),
  })
  .refine((session) => (session.closedAtGmt === null) === (session.countedCash === null), {
    message: "closedAtGmt and countedCash must both be set (closed) or both be null (open)",
    path: ["countedCash"],
  });

export type TillSessionBody = z.infer<typeof tillSessionBody>;

/** Brands the amounts of a parsed body as core's Money. */
export function toTillSession(body: TillSessionBody): TillSession {
  return {
    ...body,
    openingFloat: toMoney(body.openingFloat),
    countedCash: body.countedCash === null ? null : toMoney(body.countedCash),
    movements: body.movements.map((movement) => ({
      ...movement,
      amount: toMoney(movement.amount),
    })),
  };
}
