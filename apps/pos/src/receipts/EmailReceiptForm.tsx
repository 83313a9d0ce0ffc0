import { useEffect, useId, useState, type FormEvent } from "react";
import type { StoredOrder } from "../db/stored-order.js";
import { useTill } from "../till/till-context.js";
import { useConnectivity } from "../till/use-connectivity.js";
import { emailAddressProblem, sendReceiptEmail } from "./send-receipt-email.js";

interface EmailReceiptFormProps {
  order: StoredOrder;
}

type Outcome = { kind: "alert" | "status"; text: string } | null;

/**
 * Emails the receipt through the store, with the customer's email filled in. It needs the
 * connection and the store's order, so it is disabled with the reason while either is missing.
 */
export function EmailReceiptForm({ order }: EmailReceiptFormProps) {
  const ids = useId();
  const { client, catalog } = useTill();
  const online = useConnectivity() !== "offline";
  const [address, setAddress] = useState("");
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [sending, setSending] = useState(false);
  const customerId = order.customer?.id ?? null;

  useEffect(() => {
    if (customerId === null) return;
    let live = true;
    catalog.customers.get(customerId).then(
      (customer) => {
        if (live && customer?.email) setAddress((typed) => typed || customer.email);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [catalog, customerId]);

  const serverId = order.receipt?.serverId ?? null;
  const unavailable = !online
    ? "Email needs the connection to the store, which is offline."
    : serverId === null
      ? "Email is available once the store has the order; it is waiting in the outbox."
      : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = emailAddressProblem(address);
    if (problem !== null || serverId === null) {
      setOutcome({ kind: "alert", text: problem ?? unavailable ?? "" });
      return;
    }
    setSending(true);
    try {
      const message = await sendReceiptEmail(client, serverId, address);
      setOutcome({ kind: "status", text: message });
    } catch (failure) {
      const text = failure instanceof Error ? failure.message : String(failure);
      setOutcome({ kind: "alert", text: `The receipt was not emailed: ${text}` });
    } finally {
      setSending(false);
    }
  };

  return (
    <form
      className="email-receipt"
      aria-labelledby={`${ids}-title`}
      onSubmit={(event) => void submit(event)}
      noValidate
    >
      <h3 id={`${ids}-title`}>Email receipt</h3>
      <label>
        Customer email{" "}
        <input
          type="email"
          value={address}
          onChange={(event) => setAddress(event.target.value)}
          autoComplete="off"
        />
      </label>{" "}
      <button type="submit" disabled={unavailable !== null || sending}>
        Email receipt
      </button>
      {unavailable && <p className="muted">{unavailable}</p>}
      {outcome && (
        <p role={outcome.kind} className={outcome.kind === "alert" ? "error" : "notice"}>
          {outcome.text}
        </p>
      )}
    </form>
  );
}
