import { z } from "zod";
import type { Customer } from "@pos/core";
import {
  enqueueOutboxRecord,
  OutboxRejection,
  type OutboxRecord,
  type OutboxSender,
} from "@pos/sync";
import { mapWcCustomer, wcCustomerSchema, type WooClient } from "@pos/woo";
import type { SalesDb } from "../db/sales-db.js";
import {
  customerDraftSchema,
  draftOf,
  parseCustomerDraft,
  type CustomerDraft,
} from "./customer-draft.js";
import {
  customerUpdateKind,
  replaceLocalCustomerId,
  resolveCustomerId,
} from "./customer-references.js";
import {
  isLocalCustomerId,
  localCustomerVersion,
  nextLocalCustomerId,
  parseLocalCustomer,
  readLocalCustomer,
  type EmailConflict,
  type LocalCustomer,
} from "./local-customer.js";
import { createCustomerOnce, updateCustomerOnStore } from "./save-customer.js";

export { customerUpdateKind } from "./customer-references.js";

/** The outbox record kind that creates a customer with `POST wc/v3/customers`. */
export const customerCreateKind = "customer.create";

const createPayloadSchema = z.object({ localId: z.number().int() });
const updatePayloadSchema = z.object({
  customerId: z.number().int().positive(),
  draft: customerDraftSchema,
});

export interface TillWriteOptions {
  nowMs: number;
  randomUuid?: () => string;
}

/**
 * Stores a new customer on the till under a temporary id and queues it for the store, in one
 * transaction. The customer can be searched and put on a sale at once. Raises on an invalid
 * draft and stores nothing.
 */
export async function createCustomerOnTill(
  db: SalesDb,
  draft: CustomerDraft,
  options: TillWriteOptions,
): Promise<LocalCustomer> {
  const parsed = parseCustomerDraft(draft);
  const clientUuid = (options.randomUuid ?? (() => crypto.randomUUID()))();

  return db.transaction("rw", db.localCustomers, db.outbox, async () => {
    const local: LocalCustomer = {
      formatVersion: localCustomerVersion,
      localId: await nextLocalCustomerId(db),
      clientUuid,
      draft: parsed,
      serverId: null,
      conflict: null,
      createdAtMs: options.nowMs,
    };
    await db.localCustomers.add(local);
    const entry = { id: clientUuid, kind: customerCreateKind, payload: { localId: local.localId } };
    await enqueueOutboxRecord(db.outbox, entry, options.nowMs);
    return local;
  });
}

/**
 * Saves an edit of a customer on the till and queues it for the store. A local customer whose
 * creation waits in the outbox takes the new draft, which its creation sends, and a creation
 * parked on a taken email is queued again. Raises on an invalid draft and stores nothing.
 */
export async function editCustomerOnTill(
  db: SalesDb,
  customerId: number,
  draft: CustomerDraft,
  options: TillWriteOptions,
): Promise<void> {
  const parsed = parseCustomerDraft(draft);
  const randomUuid = options.randomUuid ?? (() => crypto.randomUUID());

  await db.transaction("rw", db.localCustomers, db.outbox, async () => {
    const local = isLocalCustomerId(customerId) ? await readLocalCustomer(db, customerId) : null;
    if (isLocalCustomerId(customerId) && !local) {
      throw new Error(`customer ${customerId} is not on this till; search for them again`);
    }
    if (local && local.serverId === null) {
      await db.localCustomers.put({ ...local, draft: parsed, conflict: null });
      await requeueParkedCreation(db, local.clientUuid, options.nowMs);
      // A creation on the wire now sends the old draft; its `onSent` queues the difference.
      return;
    }

    const entry = {
      id: randomUuid(),
      kind: customerUpdateKind,
      payload: { customerId: local?.serverId ?? customerId, draft: parsed },
    };
    await enqueueOutboxRecord(db.outbox, entry, options.nowMs);
  });
}

async function requeueParkedCreation(db: SalesDb, clientUuid: string, nowMs: number) {
  const record = await db.outbox.get(clientUuid);
  if (record?.state !== "parked") return;
  await db.outbox.put({ ...record, state: "pending", nextAttemptAtMs: nowMs, lastError: null });
}

/**
 * Resolves an email conflict with the customer the store already has: the local customer's
 * orders, unsent sales and default-customer setting move to `existing`, and its creation leaves
 * the outbox, in one transaction. Raises while the creation is on the wire.
 */
export async function adoptExistingCustomer(
  db: SalesDb,
  localId: number,
  existing: Customer,
  name: string,
): Promise<void> {
  await db.transaction("rw", db.tables, async () => {
    const local = await readLocalCustomer(db, localId);
    if (!local) throw new Error(`customer ${localId} is not on this till; search for them again`);
    const record = await db.outbox.get(local.clientUuid);
    if (record?.state === "sending") {
      throw new Error(
        `customer ${local.draft.email} is being sent to the store right now; try again in a moment`,
      );
    }

    await replaceLocalCustomerId(db, localId, existing.id, name);
    if (record && record.state !== "sent") await db.outbox.delete(local.clientUuid);
  });
}

/** Returns the sender of `customer.create` records; a taken email parks the record. */
export function customerCreateSender(db: SalesDb, client: WooClient): OutboxSender {
  return async (record, signal) => {
    const { localId } = createPayloadSchema.parse(record.payload);
    const local = await readLocalCustomer(db, localId);
    if (!local) {
      throw new OutboxRejection(`customer ${localId} is not on this till; discard this record`);
    }

    const outcome = await createCustomerOnce(client, local.draft, local.clientUuid, signal);
    if (outcome.kind === "saved") return outcome.customer;

    const conflict = { email: outcome.email, existing: outcome.existing };
    await recordConflict(db, localId, conflict);
    throw new OutboxRejection(conflictMessage(conflict));
  };
}

/** Returns the sender of `customer.update` records; it waits for a customer still unsent. */
export function customerUpdateSender(db: SalesDb, client: WooClient): OutboxSender {
  return async (record, signal) => {
    const payload = updatePayloadSchema.parse(record.payload);
    const customerId = await resolveCustomerId(db, payload.customerId);

    const outcome = await updateCustomerOnStore(client, customerId, payload.draft, signal);
    if (outcome.kind === "saved") return outcome.customer;
    throw new OutboxRejection(
      conflictMessage({ email: outcome.email, existing: outcome.existing }),
    );
  };
}

function conflictMessage(conflict: EmailConflict): string {
  const owner = conflict.existing ? ` (customer ${conflict.existing.id})` : "";
  return (
    `the store already has a customer with the email ${conflict.email}${owner}: ` +
    "use that customer or change the email"
  );
}

async function recordConflict(db: SalesDb, localId: number, conflict: EmailConflict) {
  await db.transaction("rw", db.localCustomers, async () => {
    const row = await db.localCustomers.get(localId);
    if (!row) return;
    await db.localCustomers.put({ ...parseLocalCustomer(row), conflict });
  });
}

/**
 * Applies the store's customer to the till's records; runs inside the outbox's transaction. A
 * creation gives every reference to the temporary id the store's id, and queues an update when
 * the cashier edited the customer while the creation was on the wire.
 */
export async function recordServerCustomer(
  db: SalesDb,
  record: OutboxRecord,
  result: unknown,
  randomUuid: () => string = () => crypto.randomUUID(),
): Promise<Customer | null> {
  if (record.kind !== customerCreateKind && record.kind !== customerUpdateKind) return null;
  const customer = mapWcCustomer(wcCustomerSchema.parse(result));
  if (record.kind === customerUpdateKind) return customer;

  const { localId } = createPayloadSchema.parse(record.payload);
  const local = await readLocalCustomer(db, localId);
  if (!local) return customer;
  await replaceLocalCustomerId(db, localId, customer.id);

  if (!sameDraft(draftOf(customer), local.draft)) {
    const entry = {
      id: randomUuid(),
      kind: customerUpdateKind,
      payload: { customerId: customer.id, draft: local.draft },
    };
    await enqueueOutboxRecord(db.outbox, entry, record.createdAtMs);
  }
  return customer;
}

function sameDraft(a: CustomerDraft, b: CustomerDraft): boolean {
  const left = customerDraftSchema.safeParse(a);
  const right = customerDraftSchema.safeParse(b);
  return left.success && right.success && JSON.stringify(left.data) === JSON.stringify(right.data);
}
