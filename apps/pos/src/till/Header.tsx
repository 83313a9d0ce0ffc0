import { StaffBar } from "../cashiers/StaffBar.js";
import { ConnectivityDot } from "./ConnectivityDot.js";
import { SyncProgress } from "./SyncProgress.js";
import { useTill } from "./till-context.js";

/** The till's screens, one navigation entry each. */
export const tillScreens = [
  { id: "sell", label: "Sell" },
  { id: "orders", label: "Orders" },
  { id: "reports", label: "Reports" },
  { id: "session", label: "Till session" },
  { id: "health", label: "Store health" },
] as const;
export type TillScreen = (typeof tillScreens)[number]["id"];

interface HeaderProps {
  onLogOut: () => Promise<void>;
  screen?: TillScreen;
  onNavigate?: (screen: TillScreen) => void;
}

/**
 * The till's header: store name, screens, connectivity, sync progress, then the staff bar, which
 * names the current cashier once.
 */
export function Header({ onLogOut, screen = "sell", onNavigate }: HeaderProps) {
  const { session } = useTill();
  return (
    <header className="header">
      <span className="store-name">{session.store.name}</span>
      {onNavigate && (
        <nav aria-label="Screens" className="screen-nav no-print">
          {tillScreens.map((entry) => (
            <button
              key={entry.id}
              type="button"
              aria-current={entry.id === screen ? "page" : undefined}
              onClick={() => onNavigate(entry.id)}
            >
              {entry.label}
            </button>
          ))}
        </nav>
      )}
      <ConnectivityDot />
      <SyncProgress />
      <StaffBar />
      <button type="button" onClick={() => void onLogOut()}>
        Log out
      </button>
    </header>
  );
}
