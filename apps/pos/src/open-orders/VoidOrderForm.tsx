import { useId, useState, type FormEvent } from "react";

interface VoidOrderFormProps {
  /** The order as the list describes it, such as "order from 10:42, 3 items". */
  description: string;
  /** True when the order was saved to the store, which the void also cancels. */
  savedToStore: boolean;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}

/** Asks the cashier to confirm voiding an open order and to give the reason. */
export function VoidOrderForm({
  description,
  savedToStore,
  onConfirm,
  onCancel,
}: VoidOrderFormProps) {
  const ids = useId();
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim() === "") {
      setProblem("Enter a reason for voiding the order.");
      return;
    }
    onConfirm(reason.trim());
  };

  return (
    <form className="void-order" aria-labelledby={`${ids}-title`} onSubmit={submit}>
      <p id={`${ids}-title`}>
        Void {description}? It is removed from this till and can never be checked out
        {savedToStore ? ", and the store marks its order cancelled" : ""}.
      </p>
      <label>
        Reason for voiding{" "}
        <input value={reason} onChange={(event) => setReason(event.target.value)} maxLength={200} />
      </label>
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      <button type="submit" className="danger">
        Confirm void
      </button>
      <button type="button" onClick={onCancel}>
        Keep order
      </button>
    </form>
  );
}
