import { useEffect, useId, useState, useSyncExternalStore } from "react";
import { toMoney } from "@pos/core";
import {
  emptyOutboxStatus,
  orderCreateKind,
  sessionRejectedStatuses,
  type OutboxRecord,
} from "@pos/sync";
import { customerCreateKind, customerUpdateKind } from "../customers/customer-outbox.js";
import { parseStoredOrder, type StoredOrder } from "../db/stored-order.js";
import { displayMoney } from "../money/display-money.js";
import { loadCashiers } from "../cashiers/cashier-store.js";
import { currentCashier, subscribeCurrentCashier } from "../cashiers/current-cashier.js";
import { useTill } from "../till/till-context.js";
import { useOutbox, useOutboxStatus } from "./outbox-context.js";
import { isCouponRejectedSale, resendWithoutCoupons } from "./resend-without-coupons.js";
import { recordDiscardedOrder } from "./till-outbox.js";

const managerRoles = new Set(["manager", "administrator"]);

/**
 * Lists the sales not yet on the store: waiting, being sent, or parked with the store's reason.
 * The cashier can resend a parked sale; a manager can also discard one.
 */
export function OutboxView() {
  const ids = useId();
  const { session, salesDb } = useTill();
  const outbox = useOutbox();
  const loadedStatus = useOutboxStatus();
  const status = loadedStatus ?? emptyOutboxStatus;
  const orders = useOrdersOf(status.unsent);
  const [error, setError] = useState<string | null>(null);
  const cashierRole = useCurrentCashierRole();
  // A manager who switched in with a PIN may discard too: a register whose logged-in cashier
  // cannot log out while sales are parked would otherwise have no way to resolve them.
  const isManager =
    managerRoles.has(session.user.role) || (cashierRole !== null && managerRoles.has(cashierRole));

  const run = (work: () => Promise<unknown>) => {
    setError(null);
    work().catch((failure: unknown) => setError(String(failure)));
  };
  const resendWithoutCoupon = (id: string) => {
    if (!isManager) {
      setError(
        "Only a manager can resend a sale without its coupon: press Switch cashier, choose a " +
          "manager and enter their PIN, then press this button again.",
      );
      return;
    }
    run(() => resendWithoutCoupons(outbox, salesDb, id, session.store.decimals));
  };

  return (
    <section className="outbox" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>Outbox</h2>
      <p role="status" aria-label="Outbox status">
        {loadedStatus ? summarize(status.unsent) : "Reading the outbox…"}
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {status.unsent.length > 0 && (
        <ul className="outbox-records">
          {status.unsent.map((record) => {
            const order = orders.get(record.id);
            const label = order?.receipt?.localNumber ?? record.id;
            return (
              <li key={record.id} className={`outbox-${record.state}`}>
                <span className="outbox-receipt">
                  {recordTitle(record)} {label}
                </span>
                <span>
                  {order?.receipt
                    ? displayMoney(toMoney(order.receipt.totalMinor), session.store)
                    : ""}
                </span>
                <span>{describeState(record)}</span>
                {record.state === "parked" && (
                  <button type="button" onClick={() => run(() => outbox.resend(record.id))}>
                    Resend {label}
                  </button>
                )}
                {isCouponRejectedSale(record) && (
                  <button type="button" onClick={() => resendWithoutCoupon(record.id)}>
                    Resend without coupon {label}
                  </button>
                )}
                {isManager && record.state !== "sending" && (
                  <button
                    type="button"
                    onClick={() =>
                      run(() =>
                        outbox.discard(record.id, () => recordDiscardedOrder(salesDb, record.id)),
                      )
                    }
                  >
                    Discard {label}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** Counts the unsent records by what they carry: sales, and customers created or changed. */
function summarize(records: readonly OutboxRecord[]): string {
  const count = (kind: "sale" | "customer", state: "waiting" | "parked") =>
    records.filter(
      (record) =>
        (record.kind === orderCreateKind) === (kind === "sale") &&
        (record.state === "parked") === (state === "parked"),
    ).length;
  const parts = [
    plural(count("sale", "waiting"), "sale", "waiting to be sent"),
    plural(count("sale", "parked"), "sale", "parked by the store"),
    plural(count("customer", "waiting"), "customer", "waiting to be sent"),
    plural(count("customer", "parked"), "customer", "parked by the store"),
  ].filter((part) => part !== null);
  return parts.length === 0 ? "All sales are sent to the store." : `${parts.join(", ")}.`;
}

function plural(count: number, noun: string, state: string): string | null {
  if (count === 0) return null;
  return `${count} ${count === 1 ? noun : `${noun}s`} ${state}`;
}

/** Names what a record sends: a sale by its receipt, or a customer created or changed here. */
function recordTitle(record: OutboxRecord): string {
  if (record.kind === customerCreateKind) return "New customer";
  if (record.kind === customerUpdateKind) return "Customer change";
  return "Receipt";
}

function describeState(record: OutboxRecord): string {
  if (record.state === "sending") return "Sending…";
  if (isCouponRejectedSale(record)) {
    return (
      `Rejected: ${record.lastError ?? "no reason given"}. The customer has paid: a manager ` +
      "can resend it without the coupon at the price paid."
    );
  }
  if (record.state === "parked") return `Rejected: ${record.lastError ?? "no reason given"}`;
  if (record.lastErrorStatus !== undefined && sessionRejectedStatuses.has(record.lastErrorStatus)) {
    return (
      "Waiting for a login: the store rejected this register's session. It is sent once " +
      `someone logs in again on this register (${record.lastError ?? "no reason given"}).`
    );
  }
  if (record.attempts === 0) return "Waiting to be sent";
  return `Waiting to retry (${record.attempts} attempts; ${record.lastError ?? "no answer"})`;
}

/** Loads the orders of the unsent records, for their receipt numbers and totals. */
function useOrdersOf(records: readonly OutboxRecord[]): Map<string, StoredOrder> {
  const { salesDb } = useTill();
  const [orders, setOrders] = useState(new Map<string, StoredOrder>());
  const key = records.map((record) => record.id).join(",");

  useEffect(() => {
    let live = true;
    const ids = key ? key.split(",") : [];
    salesDb.orders.bulkGet(ids).then(
      (rows) => {
        if (!live) return;
        const parsed = rows.flatMap((row) => (row ? [parseStoredOrder(row)] : []));
        setOrders(new Map(parsed.map((order) => [order.clientUuid, order])));
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [salesDb, key]);
  return orders;
}

/** Returns the role of the cashier who switched in with a PIN, from the synced staff list. */
function useCurrentCashierRole(): string | null {
  const { salesDb } = useTill();
  const cashier = useSyncExternalStore(subscribeCurrentCashier, currentCashier);
  const [found, setFound] = useState<{ cashierId: number; role: string | null } | null>(null);
  const cashierId = cashier?.id ?? null;

  useEffect(() => {
    if (cashierId === null) return;
    let live = true;
    const settle = (role: string | null) => {
      if (live) setFound({ cashierId, role });
    };
    loadCashiers(salesDb).then(
      (staff) => settle(staff?.records.find((entry) => entry.id === cashierId)?.role ?? null),
      () => settle(null),
    );
    return () => {
      live = false;
    };
  }, [salesDb, cashierId]);
  return found !== null && found.cashierId === cashierId ? found.role : null;
}
