import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useTill } from "../till/till-context.js";
import type { StoredCashiers } from "./cashier-store.js";
import { pinCheckMessage } from "./pin-check-message.js";
import { switchCashier, unlockCashier } from "./switch-cashier.js";

interface CashierSwitchProps {
  staff: StoredCashiers | null;
  onClose: () => void;
}

/**
 * Switches the till to another cashier with their PIN, checked on this device so it works
 * offline; a locked user is unlocked here by a manager's PIN.
 */
export function CashierSwitch({ staff, onClose }: CashierSwitchProps) {
  const ids = useId();
  const { session, salesDb } = useTill();
  const dialog = useRef<HTMLDialogElement>(null);
  const withPin = staff?.records.filter((record) => record.pin !== null) ?? [];
  const managers = withPin.filter((record) => record.role !== "cashier");
  const [userId, setUserId] = useState<number | null>(withPin[0]?.id ?? null);
  const [pin, setPin] = useState("");
  const [locked, setLocked] = useState(false);
  const [managerId, setManagerId] = useState<number | null>(managers[0]?.id ?? null);
  const [managerPin, setManagerPin] = useState("");
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => dialog.current?.showModal(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (userId === null) return;
    const check = await switchCashier(salesDb, session.user.id, userId, pin, Date.now());
    setPin("");
    if (check.kind === "accepted") return dialog.current?.close();
    setLocked(check.kind === "locked");
    setMessage(pinCheckMessage(check));
  };

  const unlock = async (event: FormEvent) => {
    event.preventDefault();
    if (userId === null || managerId === null) return;
    const check = await unlockCashier(salesDb, userId, managerId, managerPin, Date.now());
    setManagerPin("");
    if (check.kind === "accepted") {
      setLocked(false);
      setMessage("Unlocked. Enter the cashier's PIN to switch.");
      return;
    }
    setMessage(pinCheckMessage(check));
  };

  return (
    <dialog ref={dialog} aria-labelledby={`${ids}-title`} onClose={onClose} className="dialog">
      <h2 id={`${ids}-title`}>Switch cashier</h2>
      {withPin.length === 0 ? (
        <p role="alert">
          No staff member has a PIN on this till yet. A manager sets PINs under Staff and devices,
          and the till needs one sync with the store to receive them.
        </p>
      ) : (
        <form onSubmit={(event) => void submit(event)}>
          <label htmlFor={`${ids}-user`}>Cashier</label>
          <select
            id={`${ids}-user`}
            value={userId ?? ""}
            onChange={(event) => {
              setUserId(Number(event.target.value));
              setLocked(false);
              setMessage(null);
            }}
          >
            {withPin.map((record) => (
              <option key={record.id} value={record.id}>
                {record.display_name}
              </option>
            ))}
          </select>
          <label htmlFor={`${ids}-pin`}>PIN</label>
          <input
            id={`${ids}-pin`}
            type="password"
            inputMode="numeric"
            autoComplete="off"
            value={pin}
            onChange={(event) => setPin(event.target.value)}
            required
            autoFocus
          />
          <button type="submit" className="primary">
            Switch
          </button>
        </form>
      )}
      {message && <p role="alert">{message}</p>}
      {locked && managers.length > 0 && (
        <form onSubmit={(event) => void unlock(event)} aria-label="Unlock with a manager's PIN">
          <label htmlFor={`${ids}-manager`}>Manager</label>
          <select
            id={`${ids}-manager`}
            value={managerId ?? ""}
            onChange={(event) => setManagerId(Number(event.target.value))}
          >
            {managers.map((record) => (
              <option key={record.id} value={record.id}>
                {record.display_name}
              </option>
            ))}
          </select>
          <label htmlFor={`${ids}-manager-pin`}>Manager PIN</label>
          <input
            id={`${ids}-manager-pin`}
            type="password"
            inputMode="numeric"
            autoComplete="off"
            value={managerPin}
            onChange={(event) => setManagerPin(event.target.value)}
            required
          />
          <button type="submit">Unlock</button>
        </form>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  );
}
