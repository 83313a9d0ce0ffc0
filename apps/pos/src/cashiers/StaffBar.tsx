import { useState } from "react";
import { StaffPanel } from "../admin/StaffPanel.js";
import { LicencePanel } from "../licence/LicencePanel.js";
import { useTill } from "../till/till-context.js";
import { CashierSwitch } from "./CashierSwitch.js";
import { useCashiers } from "./use-cashiers.js";

type OpenPanel = "switch" | "staff" | "about" | null;

/**
 * The header's staff controls: the current cashier and the switch, the manager's staff and
 * devices screen, and the licence in About.
 */
export function StaffBar() {
  const { session } = useTill();
  const { cashier, staff, reload } = useCashiers();
  const [open, setOpen] = useState<OpenPanel>(null);
  const isManager = session.user.role !== "cashier" && session.storeKind === "pos";
  const close = () => setOpen(null);

  return (
    <span className="staff-bar cashier">
      <span role="status" aria-label="Current cashier">
        {cashier?.displayName ?? session.user.display_name}
      </span>
      {session.storeKind === "pos" && (
        <button type="button" onClick={() => setOpen("switch")}>
          Switch cashier
        </button>
      )}
      {isManager && (
        <button type="button" onClick={() => setOpen("staff")}>
          Staff and devices
        </button>
      )}
      <button type="button" onClick={() => setOpen("about")}>
        About
      </button>
      {open === "switch" && <CashierSwitch staff={staff} onClose={close} />}
      {open === "staff" && <StaffPanel staff={staff} onStaffChanged={reload} onClose={close} />}
      {open === "about" && <LicencePanel onClose={close} />}
    </span>
  );
}
