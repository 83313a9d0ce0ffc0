import { toMoney } from "@pos/core";
import { useCallback, useEffect, useState } from "react";
import { displayMoney } from "../money/display-money.js";
import { useTill } from "../till/till-context.js";
import { useConnectivity } from "../till/use-connectivity.js";
import { orderTenderLines, tenderLabel } from "./order-tenders.js";
import { offlineRefundMessage } from "./refund-request.js";
import { RefundForm } from "./RefundForm.js";
import { readRefundableOrder, type RefundableOrder } from "./server-orders.js";

interface OrderDetailsProps {
  serverOrderId: number;
  orderClientUuid: string | null;
  registerId: string;
}

const refundRoles = ["manager", "administrator"];

/** Shows a store order's lines, refunds and the amount still refundable, with the refund form. */
export function OrderDetails({ serverOrderId, orderClientUuid, registerId }: OrderDetailsProps) {
  const { client, session } = useTill();
  const connectivity = useConnectivity();
  const store = session.store;
  const [details, setDetails] = useState<RefundableOrder | null>(null);
  const [error, setError] = useState<string | null>(null);

  const [version, setVersion] = useState(0);

  useEffect(() => {
    let live = true;
    readRefundableOrder(client, serverOrderId, store.decimals).then(
      (found) => {
        if (!live) return;
        setError(null);
        setDetails(found);
      },
      (loadError) => {
        if (live)
          setError(`order ${serverOrderId} could not be read from the store: ${String(loadError)}`);
      },
    );
    return () => {
      live = false;
    };
  }, [client, serverOrderId, store.decimals, version]);
  const load = useCallback(() => setVersion((value) => value + 1), []);

  const canRefund = refundRoles.includes(session.user.role);
  const offline = connectivity === "offline";
  if (!details && offline) return <OfflineRefund />;
  if (error) return <p role="alert">{error}</p>;
  if (!details) return <p>Reading order {serverOrderId} from the store…</p>;
  const { order } = details;

  return (
    <section className="order-details" aria-label={`Order ${order.number}`}>
      <h3>
        Order {order.number} · {order.status}
      </h3>
      <ul>
        {details.lines.map((line) => (
          <li key={line.lineItemId}>
            {line.quantity} × {line.name} — {displayMoney(line.totalWithTax, store)}
            {line.refundedQuantity > 0 && ` (${line.refundedQuantity} refunded)`}
          </li>
        ))}
      </ul>
      <p>Total: {displayMoney(details.total, store)}</p>
      <OrderTenders
        details={details}
        decimals={store.decimals}
        money={(amount) => displayMoney(toMoney(amount), store)}
      />
      <p>Refunded: {displayMoney(details.refunded, store)}</p>
      <p aria-label="Still refundable">
        Still refundable: {displayMoney(details.remaining, store)}
      </p>
      {details.refunds.length > 0 && (
        <ul aria-label="Refunds">
          {details.refunds.map((refund) => (
            <li key={refund.id}>
              Refund {refund.id}: {refund.amount} {refund.reason && `(${refund.reason})`}
            </li>
          ))}
        </ul>
      )}
      {!canRefund ? (
        <p className="notice">Refunds need a manager: log in as a manager to refund.</p>
      ) : offline ? (
        <OfflineRefund />
      ) : (
        <RefundForm
          details={details}
          orderClientUuid={orderClientUuid}
          registerId={registerId}
          onRefunded={load}
        />
      )}
    </section>
  );
}

/** Lists the order's tenders with their slip references, or the reason they cannot be read. */
function OrderTenders({
  details,
  decimals,
  money,
}: {
  details: RefundableOrder;
  decimals: number;
  money: (amount: number) => string;
}) {
  let lines;
  try {
    lines = orderTenderLines(details.order, decimals);
  } catch (error) {
    return <p role="alert">{(error as Error).message}</p>;
  }
  if (lines.length === 0) return null;
  return (
    <ul aria-label="Tenders">
      {lines.map((line, index) => (
        <li key={index}>
          {tenderLabel(line.title, line.reference)}: {money(line.amount)}
        </li>
      ))}
    </ul>
  );
}

/** Shows the refund button disabled while offline, with the reason beside it. Nothing is queued. */
function OfflineRefund() {
  return (
    <div className="refund-offline">
      <button type="button" disabled aria-describedby="refund-offline">
        Refund
      </button>
      <p id="refund-offline" role="status" className="notice">
        {offlineRefundMessage}
      </p>
    </div>
  );
}
