import { useId, useState, type FormEvent } from "react";
import { toMoney, type Money } from "@pos/core";
import { displayMoney, parseTypedMoney } from "../money/display-money.js";
import { useTill } from "../till/till-context.js";
import { tillSessionServicesOf } from "../till-sessions/till-session-services.js";
import { RefundRejectedError, sendRefund, type RefundInput } from "./refund-request.js";
import type { RefundableOrder } from "./server-orders.js";

interface RefundFormProps {
  details: RefundableOrder;
  orderClientUuid: string | null;
  registerId: string;
  onRefunded: () => void;
}

const refundMethods = [
  { id: "pos_cash", title: "Cash" },
  { id: "pos_card", title: "Card" },
];

/**
 * Refunds by line and quantity (with restock) or by amount, with a reason and the tender the
 * money goes back to. The store checks the amount, and its message is shown as it is. One idempotency key per confirmed refund: a retry of a failed send reuses
 * it, so the store refunds once however often the cashier presses the button.
 */
export function RefundForm({ details, orderClientUuid, registerId, onRefunded }: RefundFormProps) {
  const ids = useId();
  const till = useTill();
  const store = till.session.store;
  const [mode, setMode] = useState<"lines" | "amount">("lines");
  const [quantities, setQuantities] = useState<Record<number, number>>({});
  const [restock, setRestock] = useState(true);
  const [amountText, setAmountText] = useState("");
  const [reason, setReason] = useState("");
  const [methodId, setMethodId] = useState(details.order.payment_method || "pos_cash");
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const money = (amount: Money) => displayMoney(amount, store);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    let amount: Money | null = null;
    if (mode === "amount") {
      try {
        amount = parseTypedMoney(amountText, store);
      } catch (parseError) {
        setError((parseError as Error).message);
        return;
      }
      if (amount <= 0) {
        setError(`refund amount ${money(amount)} is not above zero: type the amount to give back`);
        return;
      }
    }
    const lines =
      mode === "lines"
        ? Object.entries(quantities).map(([id, quantity]) => ({ lineItemId: Number(id), quantity }))
        : [];
    if (mode === "lines" && !lines.some((line) => line.quantity > 0)) {
      setError("choose a quantity to refund on at least one line");
      return;
    }
    const method = refundMethods.find((entry) => entry.id === methodId) ?? {
      id: methodId,
      title: details.order.payment_method_title || methodId,
    };
    const input: RefundInput = {
      serverOrderId: details.order.id,
      orderClientUuid,
      lines,
      amount,
      restock: mode === "lines" && restock,
      reason: reason.trim(),
      method,
      registerId,
      key,
    };
    setBusy(true);
    try {
      const refund = await sendRefund(till.client, input, store.decimals);
      await tillSessionServicesOf(till).db.refunds.put(refund);
      setKey(crypto.randomUUID());
      setQuantities({});
      setAmountText("");
      setReason("");
      onRefunded();
    } catch (sendError) {
      setError(
        sendError instanceof RefundRejectedError
          ? sendError.message
          : `refund failed: ${(sendError as Error).message}. Press Refund again to retry safely.`,
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="refund-form" aria-label="Refund" onSubmit={(event) => void submit(event)}>
      <fieldset>
        <legend>Refund by</legend>
        <label>
          <input
            type="radio"
            name={`${ids}-mode`}
            checked={mode === "lines"}
            onChange={() => setMode("lines")}
          />
          Line and quantity
        </label>
        <label>
          <input
            type="radio"
            name={`${ids}-mode`}
            checked={mode === "amount"}
            onChange={() => setMode("amount")}
          />
          Amount
        </label>
      </fieldset>
      {mode === "lines" ? (
        <>
          {details.lines.map((line) => {
            const left = line.quantity - line.refundedQuantity;
            return (
              <label key={line.lineItemId} className="refund-line">
                {`Refund quantity of ${line.name}`} ({left} of {line.quantity} left)
                <input
                  type="number"
                  min={0}
                  max={left}
                  value={quantities[line.lineItemId] ?? 0}
                  onChange={(event) =>
                    setQuantities({ ...quantities, [line.lineItemId]: Number(event.target.value) })
                  }
                />
              </label>
            );
          })}
          <label>
            <input
              type="checkbox"
              checked={restock}
              onChange={(event) => setRestock(event.target.checked)}
            />
            Return refunded items to stock
          </label>
        </>
      ) : (
        <label>
          Refund amount
          <input
            inputMode="decimal"
            value={amountText}
            onChange={(event) => setAmountText(event.target.value)}
          />
        </label>
      )}
      <label>
        Reason
        <input value={reason} onChange={(event) => setReason(event.target.value)} />
      </label>
      <label>
        Refund to
        <select value={methodId} onChange={(event) => setMethodId(event.target.value)}>
          {refundMethods.map((method) => (
            <option key={method.id} value={method.id}>
              {method.title}
            </option>
          ))}
          {!refundMethods.some((method) => method.id === details.order.payment_method) &&
            details.order.payment_method && (
              <option value={details.order.payment_method}>
                {details.order.payment_method_title || details.order.payment_method}
              </option>
            )}
        </select>
      </label>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy || details.remaining === toMoney(0)}>
        {busy ? "Refunding…" : `Refund (at most ${money(details.remaining)})`}
      </button>
    </form>
  );
}
