import { ConnectivityDot } from "./ConnectivityDot.js";
import { SyncProgress } from "./SyncProgress.js";
import { useTill } from "./till-context.js";

export function Header({ onLogOut }: { onLogOut: () => Promise<void> }) {
  const { session } = useTill();
  return (
    <header className="header">
      <span className="store-name">{session.store.name}</span>
      <ConnectivityDot />
      <SyncProgress />
      <span className="cashier">{session.user.display_name}</span>
      <button type="button" onClick={() => void onLogOut()}>
        Log out
      </button>
    </header>
  );
}
