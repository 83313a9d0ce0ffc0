import { useEffect, useId, useState } from "react";
import type { Customer } from "@pos/core";
import type { CartAction } from "../cart/cart-action.js";
import type { StoredOrder } from "../db/stored-order.js";
import { useTill } from "../till/till-context.js";

const resultLimit = 8;

interface CustomerPickerProps {
  customer: StoredOrder["customer"];
  dispatch: (action: CartAction) => Promise<boolean>;
}

/** Finds a customer in the local copy (name, email, phone) and attaches them to the order. */
export function CustomerPicker({ customer, dispatch }: CustomerPickerProps) {
  const ids = useId();
  const [text, setText] = useState("");
  const matches = useCustomerSearch(text);

  if (customer) {
    return (
      <div className="customer">
        <span>Customer: {customer.name}</span>
        <button
          type="button"
          onClick={() => void dispatch({ type: "setCustomer", customer: null })}
        >
          Detach customer
        </button>
      </div>
    );
  }

  return (
    <div className="customer">
      <label htmlFor={`${ids}-search`}>Search customers</label>
      <input
        id={`${ids}-search`}
        type="search"
        value={text}
        placeholder="Name, email or phone"
        onChange={(event) => setText(event.target.value)}
        autoComplete="off"
      />
      {text.trim() && (
        <ul className="customer-results" aria-label="Matching customers">
          {matches.length === 0 && <li>No customer matches "{text}".</li>}
          {matches.map((match) => (
            <li key={match.id}>
              <button
                type="button"
                onClick={() => {
                  setText("");
                  void dispatch({
                    type: "setCustomer",
                    customer: { id: match.id, name: customerName(match) },
                  });
                }}
              >
                Attach {customerName(match)}
              </button>{" "}
              <span className="muted">{match.email}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function customerName(customer: Customer): string {
  const name = `${customer.firstName} ${customer.lastName}`.trim();
  return name || customer.email || customer.username || `Customer ${customer.id}`;
}

function useCustomerSearch(text: string): Customer[] {
  const { catalog } = useTill();
  const [matches, setMatches] = useState<Customer[]>([]);

  useEffect(() => {
    const needle = text.trim().toLowerCase();
    if (!needle) return;
    let current = true;
    // NOTE: this scans the whole customers table. That is quick for thousands of customers;
    // stores with far more need the customers in the worker's search index.
    void catalog.customers
      .filter((customer) => customerText(customer).includes(needle))
      .limit(resultLimit)
      .toArray()
      .then((found) => {
        if (current) setMatches(found);
      });
    return () => {
      current = false;
    };
  }, [catalog, text]);

  return text.trim() ? matches : [];
}

function customerText(customer: Customer): string {
  const { firstName, lastName, email, username, billing } = customer;
  return [firstName, lastName, email, username, billing.phone, billing.company]
    .join(" ")
    .toLowerCase();
}
