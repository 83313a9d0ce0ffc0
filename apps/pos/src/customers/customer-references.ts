import { OutboxRejection, orderCreateKind, parseOutboxRecord } from "@pos/sync";
import type { SalesDb } from "../db/sales-db.js";
import { parseStoredOrder } from "../db/stored-order.js";
import { loadDefaultCustomer, saveDefaultCustomer } from "./default-customer.js";
import { isLocalCustomerId, parseLocalCustomer, readLocalCustomer } from "./local-customer.js";

/** The outbox record kind that updates a customer with `PUT wc/v3/customers/ID`. */
export const customerUpdateKind = "customer.update";

/**
 * Gives every reference to a local customer the store's id: the local customer itself, orders
 * on the till (open carts and completed sales), unsent orders and customer edits in the outbox,
 * and the register's default customer. `name`, when given, replaces the customer's name on
 * those orders. Run it inside a read-write transaction over every table of `db`, so orders
 * never name an id that the outbox no longer resolves.
 */
export async function replaceLocalCustomerId(
  db: SalesDb,
  localId: number,
  serverId: number,
  name?: string,
): Promise<void> {
  const row = await db.localCustomers.get(localId);
  if (!row) throw new Error(`local customer ${localId} is not on this till`);
  await db.localCustomers.put({ ...parseLocalCustomer(row), serverId, conflict: null });

  await replaceInOrders(db, localId, serverId, name);
  await replaceInOutbox(db, localId, serverId);

  const defaultCustomer = await loadDefaultCustomer(db);
  if (defaultCustomer?.id === localId) {
    await saveDefaultCustomer(db, { id: serverId, name: name ?? defaultCustomer.name });
  }
}

async function replaceInOrders(db: SalesDb, localId: number, serverId: number, name?: string) {
  const rows = await db.orders.filter((row) => customerIdOf(row.customer) === localId).toArray();
  for (const row of rows) {
    const order = parseStoredOrder(row);
    if (!order.customer) continue;
    const customer = { id: serverId, name: name ?? order.customer.name };
    await db.orders.put({ ...order, customer });
  }
}

async function replaceInOutbox(db: SalesDb, localId: number, serverId: number) {
  const rows = await db.outbox.where("state").anyOf("pending", "parked").toArray();
  for (const row of rows) {
    const record = parseOutboxRecord(row);
    if (!isRecord(record.payload)) continue;

    if (record.kind === orderCreateKind && record.payload.customer_id === localId) {
      await db.outbox.put({ ...record, payload: { ...record.payload, customer_id: serverId } });
    }
    if (record.kind === customerUpdateKind && record.payload.customerId === localId) {
      await db.outbox.put({ ...record, payload: { ...record.payload, customerId: serverId } });
    }
  }
}

/** Raised while an order waits for its customer to reach the store; the outbox retries it. */
export class CustomerNotOnStoreError extends Error {
  override name = "CustomerNotOnStoreError";
}

/**
 * Returns the store's id for a customer id that an outbox record names. A temporary id becomes
 * the store's id once its customer was sent. Raises `CustomerNotOnStoreError` (retried) while it
 * waits in the outbox, and `OutboxRejection` (parked) when the till has no such customer.
 */
export async function resolveCustomerId(db: SalesDb, id: number): Promise<number> {
  if (!isLocalCustomerId(id)) return id;

  const local = await readLocalCustomer(db, id);
  if (!local) {
    throw new OutboxRejection(
      `customer ${id} is a temporary id that this till does not have; discard the record and ` +
        "enter it again with a customer from the store",
    );
  }
  if (local.serverId !== null) return local.serverId;

  const waiting = await db.outbox.get(local.clientUuid);
  if (!waiting) {
    throw new OutboxRejection(
      `customer ${local.draft.email} (temporary id ${id}) was discarded before it reached the ` +
        "store; discard this record and enter it again with another customer",
    );
  }
  throw new CustomerNotOnStoreError(
    `customer ${local.draft.email} (temporary id ${id}) is not on the store yet; this record is ` +
      "sent after the customer",
  );
}

/**
 * Returns an order request body whose `customer_id` is the store's id, so no order reaches the
 * store with a temporary customer id. Raises as `resolveCustomerId` does.
 */
export async function withServerCustomerId(db: SalesDb, payload: unknown): Promise<unknown> {
  if (!isRecord(payload) || typeof payload.customer_id !== "number") return payload;
  const customerId = await resolveCustomerId(db, payload.customer_id);
  return customerId === payload.customer_id ? payload : { ...payload, customer_id: customerId };
}

function customerIdOf(customer: unknown): unknown {
  return isRecord(customer) ? customer.id : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}
