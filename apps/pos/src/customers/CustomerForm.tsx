import { useId, useState, type FormEvent } from "react";
import type { Customer } from "@pos/core";
import { useTill } from "../till/till-context.js";
import { useConnectivity } from "../till/use-connectivity.js";
import { customerName } from "./customer-name.js";
import { emptyDraft, draftOf, type CustomerDraft } from "./customer-draft.js";
import { saveCustomer } from "./save-customer.js";

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

type Problem =
  | { kind: "error"; text: string }
  | { kind: "emailTaken"; email: string; existing: Customer | null };

/** Creates or edits a customer on the store and stores the result in the till's catalogue. */
export function CustomerForm({ customer, onSaved, onCancel }: CustomerFormProps) {
  const ids = useId();
  const { client, catalogWorker } = useTill();
  const connectivity = useConnectivity();
  const [draft, setDraft] = useState<CustomerDraft>(() =>
    customer ? draftOf(customer) : emptyDraft,
  );
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saving, setSaving] = useState(false);

  const keep = (saved: Customer) => {
    catalogWorker.storeCustomers([saved]);
    onSaved(saved);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // TODO: offline, queue a "customer.create" record in the till's outbox (its senders are
    // set up in outbox/till-outbox.ts) instead of refusing.
    if (connectivity === "offline") {
      setProblem({
        kind: "error",
        text: "The store is offline: save this customer when it is back.",
      });
      return;
    }
    setSaving(true);
    try {
      const outcome = await saveCustomer(client, draft, customer?.id ?? null);
      if (outcome.kind === "saved") keep(outcome.customer);
      else setProblem(outcome);
    } catch (failure) {
      const text = failure instanceof Error ? failure.message : String(failure);
      setProblem({ kind: "error", text: `The customer was not saved: ${text}` });
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
      {problem?.kind === "error" && <p role="alert">{problem.text}</p>}
      {problem?.kind === "emailTaken" && (
        <EmailConflict
          email={problem.email}
          existing={problem.existing}
          onUseExisting={keep}
          onChangeEmail={() => setProblem(null)}
        />
      )}
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

/** A duplicate email on the store: attach the customer who has it, or change the email. */
function EmailConflict(props: {
  email: string;
  existing: Customer | null;
  onUseExisting: (customer: Customer) => void;
  onChangeEmail: () => void;
}) {
  const { email, existing, onUseExisting, onChangeEmail } = props;
  return (
    <div role="alert" className="conflict">
      <p>
        The store already has a customer with the email {email}
        {existing ? `: ${customerName(existing)}` : ""}.
      </p>
      {existing && (
        <button type="button" onClick={() => onUseExisting(existing)}>
          Use {customerName(existing)}
        </button>
      )}{" "}
      <button type="button" onClick={onChangeEmail}>
        Change the email
      </button>
    </div>
  );
}
