import { useEffect, useId, useState, useSyncExternalStore } from "react";
import { emptyOutboxStatus } from "@pos/sync";
import { loadCashiers } from "../cashiers/cashier-store.js";
import { currentCashier, subscribeCurrentCashier } from "../cashiers/current-cashier.js";
import { useTill } from "../till/till-context.js";
import { useOutbox, useOutboxStatus } from "./outbox-context.js";
import { summarizeOutbox } from "./outbox-record-label.js";
import { OutboxRecordList } from "./OutboxRecordList.js";
import { resendWithoutCoupons } from "./resend-without-coupons.js";
import { recordDiscardedOrder } from "./till-outbox.js";
import { useOutboxRecordDetails } from "./use-outbox-record-details.js";

const managerRoles = new Set(["manager", "administrator"]);

/**
 * Lists the records not yet on the store (sales, customers and PIN lockouts): waiting, being
 * sent, or parked with the store's reason. The cashier can resend a parked record; a manager can
 * also discard one.
 */
export function OutboxView() {
  const ids = useId();
  const { session, salesDb } = useTill();
  const outbox = useOutbox();
  const loadedStatus = useOutboxStatus();
  const status = loadedStatus ?? emptyOutboxStatus;
  const details = useOutboxRecordDetails(status.unsent);
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
        {loadedStatus ? summarizeOutbox(status.unsent) : "Reading the outbox…"}
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {status.unsent.length > 0 && (
        <OutboxRecordList
          records={status.unsent}
          details={details}
          store={session.store}
          isManager={isManager}
          onResend={(id) => run(() => outbox.resend(id))}
          onResendWithoutCoupon={resendWithoutCoupon}
          onDiscard={(id) => run(() => outbox.discard(id, () => recordDiscardedOrder(salesDb, id)))}
        />
      )}
    </section>
  );
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
