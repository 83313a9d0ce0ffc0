import { useEffect, useId, useRef, useState } from "react";
import { useTill } from "../till/till-context.js";
import { checkTillLicence, loadLicenceSummary, type TillLicence } from "./till-licence.js";

const statusLabels: Record<TillLicence["status"], string> = {
  none: "Community edition",
  valid: "Valid",
  grace: "Expired, in grace period",
  expired: "Expired",
  "wrong-store": "Issued for another store",
  tampered: "Tampered",
  "unknown-key": "Signed with an unknown key",
  malformed: "Unreadable",
  unsupported: "Cannot be checked in this browser",
};

/** Shows the store's licence as this till verified it: status, registers, grace days left. */
export function LicencePanel({ onClose }: { onClose: () => void }) {
  const ids = useId();
  const { client, salesDb, session } = useTill();
  const dialog = useRef<HTMLDialogElement>(null);
  const [licence, setLicence] = useState<TillLicence | null>(null);

  useEffect(() => {
    dialog.current?.showModal();
    let live = true;
    void loadLicenceSummary(client, salesDb)
      .then((summary) => checkTillLicence(summary, session.storeUrl, new Date()))
      .then((checked) => {
        if (live) setLicence(checked);
      });
    return () => {
      live = false;
    };
  }, [client, salesDb, session.storeUrl]);

  return (
    <dialog ref={dialog} aria-labelledby={`${ids}-title`} onClose={onClose} className="dialog">
      <h2 id={`${ids}-title`}>About this till</h2>
      {licence === null ? (
        <p>Checking the licence…</p>
      ) : (
        <dl className="licence">
          <dt>Licence status</dt>
          <dd aria-label="Licence status">{statusLabels[licence.status]}</dd>
          <dt>Registers allowed</dt>
          <dd>{licence.registers}</dd>
          {licence.status === "grace" && licence.check.status === "grace" && (
            <>
              <dt>Grace days left</dt>
              <dd>{licence.check.daysLeft}</dd>
            </>
          )}
          <dt>Details</dt>
          <dd>{licence.message}</dd>
        </dl>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  );
}
