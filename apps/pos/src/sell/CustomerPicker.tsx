import { useId, useState } from "react";
import type { Customer } from "@pos/core";
import type { CartAction } from "../cart/cart-action.js";
import { CustomerDetails, useStoredCustomer } from "../customers/CustomerDetails.js";
import { CustomerForm } from "../customers/CustomerForm.js";
import { customerName } from "../customers/customer-name.js";
import { useCustomerSearch } from "../customers/use-customer-search.js";
import { useDefaultCustomer } from "../customers/use-default-customer.js";
import { EmailConflictPanel } from "../customers/EmailConflictPanel.js";
import { isLocalCustomerId, localCustomerRecord } from "../customers/local-customer.js";
import { useLocalCustomers } from "../customers/use-local-customers.js";
import type { StoredOrder } from "../db/stored-order.js";

export { customerName } from "../customers/customer-name.js";

const resultLimit = 8;

interface CustomerPickerProps {
  customer: StoredOrder["customer"];
  dispatch: (action: CartAction) => Promise<boolean>;
}

/**
 * Finds a customer in the till's index (name, email, phone, company, address), shows their
 * details, creates and edits customers, and sets the register's default customer.
 */
export function CustomerPicker({ customer, dispatch }: CustomerPickerProps) {
  const [editing, setEditing] = useState<"new" | "attached" | null>(null);
  const [savedVersion, setSavedVersion] = useState(0);
  const [defaultCustomer, setDefaultCustomer] = useDefaultCustomer();
  const stored = useStoredCustomer(customer?.id ?? 0, savedVersion);

  const attach = (chosen: Customer) =>
    void dispatch({ type: "setCustomer", customer: { id: chosen.id, name: customerName(chosen) } });

  if (editing) {
    return (
      <section className="customer" aria-label="Customer">
        <CustomerForm
          customer={editing === "attached" ? (stored ?? null) : null}
          onSaved={(saved) => {
            setEditing(null);
            setSavedVersion((v) => v + 1);
            attach(saved);
          }}
          onCancel={() => setEditing(null)}
        />
      </section>
    );
  }

  if (customer) {
    const isDefault = defaultCustomer?.id === customer.id;
    const isLocal = isLocalCustomerId(customer.id);
    return (
      <section className="customer" aria-label="Customer">
        <span>Customer: {customer.name}</span>
        {isLocal && (
          <p className="muted">
            Created on this till: the outbox sends this customer to the store.
          </p>
        )}
        {isLocal && (
          <EmailConflictPanel
            localId={customer.id}
            onUsed={attach}
            onChangeEmail={() => setEditing("attached")}
          />
        )}
        <CustomerDetails customerId={customer.id} key={savedVersion} />
        <div className="dialog-actions">
          <button type="button" disabled={!stored} onClick={() => setEditing("attached")}>
            Edit customer
          </button>
          <button
            type="button"
            onClick={() => void dispatch({ type: "setCustomer", customer: null })}
          >
            Detach customer
          </button>
          <button
            type="button"
            aria-pressed={isDefault}
            onClick={() => setDefaultCustomer(isDefault ? null : customer)}
          >
            {isDefault ? "Default for this register" : "Make default for this register"}
          </button>
        </div>
      </section>
    );
  }

  return (
    <CustomerSearch
      onAttach={attach}
      onNew={() => setEditing("new")}
      defaultName={defaultCustomer?.name ?? null}
      onClearDefault={() => setDefaultCustomer(null)}
    />
  );
}

function CustomerSearch(props: {
  onAttach: (customer: Customer) => void;
  onNew: () => void;
  defaultName: string | null;
  onClearDefault: () => void;
}) {
  const ids = useId();
  const [text, setText] = useState("");
  const matches = useCustomerSearch(text, resultLimit);
  const conflicts = useLocalCustomers().filter((local) => local.conflict);

  return (
    <section className="customer" aria-label="Customer">
      <label htmlFor={`${ids}-search`}>Search customers</label>
      <input
        id={`${ids}-search`}
        type="search"
        value={text}
        placeholder="Name, email, phone, company or address"
        onChange={(event) => setText(event.target.value)}
        autoComplete="off"
      />
      <button type="button" onClick={props.onNew}>
        New customer
      </button>
      <p className="muted">
        New orders start with {props.defaultName ?? "a guest"}.
        {props.defaultName && (
          <button type="button" onClick={props.onClearDefault}>
            Start with a guest
          </button>
        )}
      </p>
      {conflicts.length > 0 && (
        <ul className="customer-conflicts" aria-label="Customers the store rejected">
          {conflicts.map((local) => (
            <li key={local.localId}>
              <button type="button" onClick={() => props.onAttach(localCustomerRecord(local))}>
                Resolve {customerName(localCustomerRecord(local))}
              </button>{" "}
              <span className="muted">the store has another customer with {local.draft.email}</span>
            </li>
          ))}
        </ul>
      )}
      {text.trim() && (
        <ul className="customer-results" aria-label="Matching customers">
          {matches.length === 0 && <li>No customer matches "{text}".</li>}
          {matches.map((match) => (
            <li key={match.id}>
              <button
                type="button"
                onClick={() => {
                  setText("");
                  props.onAttach(match);
                }}
              >
                Attach {customerName(match)}
              </button>{" "}
              <span className="muted">
                {[match.email, match.billing.phone, match.billing.company]
                  .filter((part) => part)
                  .join(" · ")}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
