import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from "react";
import type { StoredCashiers } from "../cashiers/cashier-store.js";
import { syncCashiers } from "../cashiers/sync-cashiers.js";
import { useTill } from "../till/till-context.js";
import { SessionsList } from "./SessionsList.js";
import { lockReporterText } from "../cashiers/lock-reporter-text.js";
import { setStaffPin, unlockStaffPin } from "./staff-api.js";

interface StaffPanelProps {
  staff: StoredCashiers | null;
  onStaffChanged: () => Promise<void>;
  onClose: () => void;
}

/** Renders the manager's screen of signed-in devices and staff PINs; it needs the store. */
export function StaffPanel({ staff, onStaffChanged, onClose }: StaffPanelProps) {
  const ids = useId();
  const { client, salesDb } = useTill();
  const dialog = useRef<HTMLDialogElement>(null);
  const [userId, setUserId] = useState<number | null>(staff?.records[0]?.id ?? null);
  const [pin, setPin] = useState("");
  const [message, setMessage] = useState<{ kind: "alert" | "status"; text: string } | null>(null);
  const onError = useCallback((text: string) => setMessage({ kind: "alert", text }), []);

  useEffect(() => dialog.current?.showModal(), []);

  const afterChange = async (text: string) => {
    await syncCashiers(client, salesDb, Date.now());
    await onStaffChanged();
    setMessage({ kind: "status", text });
  };

  const submitPin = async (event: FormEvent) => {
    event.preventDefault();
    if (userId === null) return;
    try {
      await setStaffPin(client, userId, pin);
      setPin("");
      await afterChange("PIN saved. Tills receive it at their next sync.");
    } catch (error) {
      onError(`The PIN was not saved: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const unlock = async () => {
    if (userId === null) return;
    try {
      await unlockStaffPin(client, userId);
      await afterChange("User unlocked. Tills drop the lock at their next sync.");
    } catch (error) {
      onError(
        `The user was not unlocked: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };

  return (
    <dialog ref={dialog} aria-labelledby={`${ids}-title`} onClose={onClose} className="dialog">
      <h2 id={`${ids}-title`}>Staff and devices</h2>
      {message && <p role={message.kind}>{message.text}</p>}
      <h3>Signed-in devices</h3>
      <SessionsList onError={onError} />
      <h3>PINs for switching cashiers</h3>
      <form onSubmit={(event) => void submitPin(event)}>
        <label htmlFor={`${ids}-user`}>Staff member</label>
        <select
          id={`${ids}-user`}
          value={userId ?? ""}
          onChange={(event) => setUserId(Number(event.target.value))}
        >
          {(staff?.records ?? []).map((record) => (
            <option key={record.id} value={record.id}>
              {record.display_name}
              {record.pin === null ? " (no PIN)" : ""}
              {record.locked ? ` (${lockReporterText(record)})` : ""}
            </option>
          ))}
        </select>
        <label htmlFor={`${ids}-pin`}>New PIN (4 to 8 digits)</label>
        <input
          id={`${ids}-pin`}
          type="password"
          inputMode="numeric"
          autoComplete="new-password"
          pattern="[0-9]{4,8}"
          value={pin}
          onChange={(event) => setPin(event.target.value)}
          required
        />
        <button type="submit" className="primary">
          Set PIN
        </button>
        <button type="button" onClick={() => void unlock()}>
          Unlock user
        </button>
      </form>
      <div className="dialog-actions">
        <button type="button" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  );
}
