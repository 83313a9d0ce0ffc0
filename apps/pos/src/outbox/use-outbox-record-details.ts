import { useEffect, useState } from "react";
import { orderCreateKind, type OutboxRecord } from "@pos/sync";
import { z } from "zod";
import { loadCashiers } from "../cashiers/cashier-store.js";
import { customerCreateKind, customerUpdateKind } from "../customers/customer-outbox.js";
import { customerDraftSchema, type CustomerDraft } from "../customers/customer-draft.js";
import { readLocalCustomer } from "../customers/local-customer.js";
import type { SalesDb } from "../db/sales-db.js";
import { parseStoredOrder } from "../db/stored-order.js";
import { useTill } from "../till/till-context.js";
import {
  lockedUserIdOf,
  noOutboxRecordNames,
  type OutboxRecordNames,
} from "./outbox-record-label.js";

/** The names of the unsent records, and each sale's receipt total in minor units. */
export interface OutboxRecordDetails extends OutboxRecordNames {
  saleTotalsMinor: ReadonlyMap<string, number>;
}

const noDetails: OutboxRecordDetails = { ...noOutboxRecordNames, saleTotalsMinor: new Map() };

const createPayloadSchema = z.object({ localId: z.number().int() });
const updatePayloadSchema = z.object({ draft: customerDraftSchema });

/** Loads the names and totals the outbox list shows, again whenever the unsent records change. */
export function useOutboxRecordDetails(records: readonly OutboxRecord[]): OutboxRecordDetails {
  const { salesDb } = useTill();
  const [details, setDetails] = useState(noDetails);

  useEffect(() => {
    let live = true;
    loadOutboxRecordDetails(salesDb, records).then(
      (loaded) => {
        if (live) setDetails(loaded);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
    // `records` is a new array only when the outbox reports a new status.
  }, [salesDb, records]);
  return details;
}

/** Reads receipt numbers, totals, customer names and locked users' names from the till. */
export async function loadOutboxRecordDetails(
  db: SalesDb,
  records: readonly OutboxRecord[],
): Promise<OutboxRecordDetails> {
  const sales = records.filter((record) => record.kind === orderCreateKind);
  const rows = await db.orders.bulkGet(sales.map((record) => record.id));
  const orders = rows.flatMap((row) => (row ? [parseStoredOrder(row)] : []));
  const receiptNumbers = new Map<string, string>();
  const saleTotalsMinor = new Map<string, number>();
  for (const order of orders) {
    if (order.receipt === null) continue;
    receiptNumbers.set(order.clientUuid, order.receipt.localNumber);
    saleTotalsMinor.set(order.clientUuid, order.receipt.totalMinor);
  }

  const customerNames = new Map<string, string>();
  for (const record of records) {
    const name = await customerNameOf(db, record);
    if (name !== null) customerNames.set(record.id, name);
  }

  const userNames = new Map<number, string>();
  if (records.some((record) => lockedUserIdOf(record) !== null)) {
    const staff = await loadCashiers(db);
    for (const cashier of staff?.records ?? []) userNames.set(cashier.id, cashier.display_name);
  }
  return { receiptNumbers, saleTotalsMinor, customerNames, userNames };
}

async function customerNameOf(db: SalesDb, record: OutboxRecord): Promise<string | null> {
  if (record.kind === customerUpdateKind) {
    const parsed = updatePayloadSchema.safeParse(record.payload);
    return parsed.success ? draftName(parsed.data.draft) : null;
  }
  if (record.kind !== customerCreateKind) return null;
  const parsed = createPayloadSchema.safeParse(record.payload);
  if (!parsed.success) return null;
  const local = await readLocalCustomer(db, parsed.data.localId);
  return local === null ? null : draftName(local.draft);
}

function draftName(draft: CustomerDraft): string {
  const name = `${draft.firstName} ${draft.lastName}`.trim();
  return name === "" ? draft.email : name;
}
