import { orderCreateKind, type OutboxRecord } from "@pos/sync";
import { z } from "zod";
import { pinLockoutKind } from "../cashiers/pin-lockout-outbox.js";
import { customerCreateKind, customerUpdateKind } from "../customers/customer-outbox.js";

/** The subject of an outbox record, by which the outbox screen groups and counts records. */
export type OutboxRecordSubject = "sale" | "customer" | "pin-lockout" | "other";

/**
 * Names that the outbox screen read from the till's databases, by outbox record id: the sale's
 * local receipt number, the customer's name, or the name of the user a PIN lockout locks.
 */
export interface OutboxRecordNames {
  receiptNumbers: ReadonlyMap<string, string>;
  customerNames: ReadonlyMap<string, string>;
  userNames: ReadonlyMap<number, string>;
}

export const noOutboxRecordNames: OutboxRecordNames = {
  receiptNumbers: new Map(),
  customerNames: new Map(),
  userNames: new Map(),
};

const lockoutUserSchema = z.object({ userId: z.number().int() });

export function outboxRecordSubject(record: OutboxRecord): OutboxRecordSubject {
  if (record.kind === orderCreateKind) return "sale";
  if (record.kind === customerCreateKind || record.kind === customerUpdateKind) return "customer";
  if (record.kind === pinLockoutKind) return "pin-lockout";
  return "other";
}

/** Returns the id of the user a `pin.lockout` record locks, or null for any other record. */
export function lockedUserIdOf(record: OutboxRecord): number | null {
  if (record.kind !== pinLockoutKind) return null;
  const parsed = lockoutUserSchema.safeParse(record.payload);
  return parsed.success ? parsed.data.userId : null;
}

/**
 * Names a record for the outbox list: "Receipt R1-000042", "New customer Ada
 * Lovelace", "Customer change Ada Lovelace" or "PIN lockout of Bea". A name the till could not
 * read falls back to the record's id, or to the user's id for a lockout.
 */
export function outboxRecordLabel(record: OutboxRecord, names: OutboxRecordNames): string {
  if (record.kind === orderCreateKind) {
    return `Receipt ${names.receiptNumbers.get(record.id) ?? record.id}`;
  }
  const customer = names.customerNames.get(record.id) ?? record.id;
  if (record.kind === customerCreateKind) return `New customer ${customer}`;
  if (record.kind === customerUpdateKind) return `Customer change ${customer}`;

  const userId = lockedUserIdOf(record);
  if (record.kind === pinLockoutKind) {
    const user = userId === null ? undefined : names.userNames.get(userId);
    return `PIN lockout of ${user ?? (userId === null ? record.id : `user ${userId}`)}`;
  }
  return `${record.kind} ${record.id}`;
}

/**
 * Names a record in its buttons ("Resend R1-000042"): a sale by its receipt number alone, as
 * cashiers know it, and any other record by its full label.
 */
export function outboxRecordButtonName(record: OutboxRecord, names: OutboxRecordNames): string {
  if (record.kind === orderCreateKind) return names.receiptNumbers.get(record.id) ?? record.id;
  return outboxRecordLabel(record, names);
}

/** Counts the unsent records by what they send, and whether each waits or is parked. */
export function summarizeOutbox(records: readonly OutboxRecord[]): string {
  const count = (subject: OutboxRecordSubject, parked: boolean) =>
    records.filter(
      (record) => outboxRecordSubject(record) === subject && (record.state === "parked") === parked,
    ).length;
  const nouns: [OutboxRecordSubject, string][] = [
    ["sale", "sale"],
    ["customer", "customer"],
    ["pin-lockout", "PIN lockout"],
    ["other", "other record"],
  ];
  const parts = nouns.flatMap(([subject, noun]) => [
    plural(count(subject, false), noun, "waiting to be sent"),
    plural(count(subject, true), noun, "parked by the store"),
  ]);
  const shown = parts.filter((part) => part !== null);
  return shown.length === 0 ? "All sales are sent to the store." : `${shown.join(", ")}.`;
}

function plural(count: number, noun: string, state: string): string | null {
  if (count === 0) return null;
  return `${count} ${count === 1 ? noun : `${noun}s`} ${state}`;
}
