import { useState } from "react";
import type { Customer } from "@pos/core";
import { useOutbox } from "../outbox/outbox-context.js";
import { useTill } from "../till/till-context.js";
import { customerName } from "./customer-name.js";
import { adoptExistingCustomer } from "./customer-outbox.js";
import { notifyLocalCustomersChanged, useLocalCustomers } from "./use-local-customers.js";

interface EmailConflictPanelProps {
  /** The temporary id of a customer created on this till. */
  localId: number;
  /** Called after the till's orders moved to the store's customer. */
  onUsed: (existing: Customer) => void;
  onChangeEmail: () => void;
}

/**
 * Shows that the store rejected a customer created on this till because another customer has the
 * email. The cashier uses the store's customer (the till's orders move to them) or changes the
 * email and sends the customer again. Renders nothing without a conflict.
 */
export function EmailConflictPanel({ localId, onUsed, onChangeEmail }: EmailConflictPanelProps) {
  const { salesDb, catalogWorker } = useTill();
  const outbox = useOutbox();
  const [failure, setFailure] = useState<string | null>(null);
  const local = useLocalCustomers().find((candidate) => candidate.localId === localId);
  const conflict = local?.conflict;
  if (!conflict) return null;

  const { existing } = conflict;
  const chooseStoreCustomer = async (chosen: Customer) => {
    try {
      await adoptExistingCustomer(salesDb, localId, chosen, customerName(chosen));
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
      return;
    }
    catalogWorker.storeCustomers([chosen]);
    notifyLocalCustomersChanged();
    // Sales that waited for the local customer now name the store's customer: send them now.
    outbox.drainNow();
    outbox.notifyChanged();
    onUsed(chosen);
  };

  return (
    <div role="alert" className="conflict" aria-label="Email conflict">
      <p>
        The store already has a customer with the email {conflict.email}
        {existing ? `: ${customerName(existing)}` : ""}. This customer was not created.
      </p>
      {existing && (
        <button type="button" onClick={() => void chooseStoreCustomer(existing)}>
          Use {customerName(existing)}
        </button>
      )}{" "}
      <button type="button" onClick={onChangeEmail}>
        Change the email
      </button>
      {failure && <p>{failure}</p>}
    </div>
  );
}
