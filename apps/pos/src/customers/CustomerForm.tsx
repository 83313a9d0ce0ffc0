import { useId, useState, type FormEvent } from "react";
import type { Customer } from "@pos/core";
import type { SalesDb } from "../db/sales-db.js";
import { useOutbox } from "../outbox/outbox-context.js";
import { useTill } from "../till/till-context.js";
import { customerName } from "./customer-name.js";
import { emptyDraft, draftOf, parseCustomerDraft, type CustomerDraft } from "./customer-draft.js";
import { createCustomerOnTill, editCustomerOnTill } from "./customer-outbox.js";
import { isLocalCustomerId, localCustomerRecord } from "./local-customer.js";
import { notifyLocalCustomersChanged } from "./use-local-customers.js";

interface CustomerFormProps {
  /** The customer to edit, or null for a new one. */
  customer: Customer | null;
  onSaved: (customer: Customer) => void;
  onCancel: () => void;
}

const fields: { name: keyof CustomerDraft; label: string; type?: string }[] = [
  { name: "firstName", label: "First name" },
  { name: "lastName", label: "Last name" },
  { name: "email", label: "Email", type: "email" },
  { name: "phone", label: "Phone", type: "tel" },
  { name: "company", label: "Company" },
  { name: "address1", label: "Address" },
  { name: "city", label: "City" },
  { name: "postcode", label: "Postcode" },
  { name: "country", label: "Country code" },
];

/**
 * Creates or edits a customer on the till at once and queues the change for the store through
 * the outbox, so it works offline. A new customer gets a temporary id until the store has it.
 */
export function CustomerForm({ customer, onSaved, onCancel }: CustomerFormProps) {
  const ids = useId();
  const { salesDb, catalogWorker } = useTill();
  const outbox = useOutbox();
  const [draft, setDraft] = useState<CustomerDraft>(() =>
    customer ? draftOf(customer) : emptyDraft,
  );
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    try {
      const saved = await saveOnTill(salesDb, customer, draft);
      // The catalogue copy of a store customer shows the edit until the store's reply replaces it.
      if (!isLocalCustomerId(saved.id)) catalogWorker.storeCustomers([saved]);
      notifyLocalCustomersChanged();
      outbox.notifyChanged();
      onSaved(saved);
    } catch (failure) {
      const text = failure instanceof Error ? failure.message : String(failure);
      setProblem(`The customer was not saved: ${text}`);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="customer-form"
      aria-label={customer ? `Edit ${customerName(customer)}` : "New customer"}
      onSubmit={(event) => void submit(event)}
    >
      {fields.map(({ name, label, type }) => (
        <FormField
          key={name}
          id={`${ids}-${name}`}
          label={label}
          type={type ?? "text"}
          value={draft[name]}
          onChange={(value) => setDraft({ ...draft, [name]: value })}
        />
      ))}
      {problem && <p role="alert">{problem}</p>}
      <div className="dialog-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={saving}>
          {customer ? "Save customer" : "Create customer"}
        </button>
      </div>
    </form>
  );
}

function FormField(props: {
  id: string;
  label: string;
  type: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <>
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type={props.type}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
      />
    </>
  );
}

/** Stores the customer on the till and queues it; returns the customer as the till shows it. */
async function saveOnTill(
  salesDb: SalesDb,
  customer: Customer | null,
  draft: CustomerDraft,
): Promise<Customer> {
  const nowMs = Date.now();
  if (!customer) return localCustomerRecord(await createCustomerOnTill(salesDb, draft, { nowMs }));

  await editCustomerOnTill(salesDb, customer.id, draft, { nowMs });
  return withDraft(customer, parseCustomerDraft(draft));
}

/** Returns `customer` with the fields the form edits replaced by `draft`. */
function withDraft(customer: Customer, draft: CustomerDraft): Customer {
  const { firstName, lastName, email, phone, company, address1, city, postcode, country } = draft;
  return {
    ...customer,
    firstName,
    lastName,
    email,
    billing: {
      ...customer.billing,
      firstName,
      lastName,
      email,
      phone,
      company,
      address1,
      city,
      postcode,
      country,
    },
  };
}
