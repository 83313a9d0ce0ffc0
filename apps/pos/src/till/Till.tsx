import { useEffect, useMemo } from "react";
import type { SalesDb } from "../db/sales-db.js";
import { SellScreen } from "../sell/SellScreen.js";
import type { Session } from "../session/session.js";
import { refreshStoreSettings } from "../session/refresh-store-settings.js";
import { Header } from "./Header.js";
import { TillContext } from "./till-context.js";
import { createTillServices } from "./till-services.js";

interface TillProps {
  session: Session;
  salesDb: SalesDb;
  onLogOut: () => Promise<void>;
  /** Receives the session after the store's settings changed on the server. */
  onSessionUpdate: (session: Session) => void;
}

/** Renders the logged-in till: services for the session, the header and the sell screen. */
export function Till({ session, salesDb, onLogOut, onSessionUpdate }: TillProps) {
  const services = useMemo(
    () => createTillServices(session, salesDb, () => void onLogOut()),
    [session, salesDb, onLogOut],
  );
  useEffect(() => services.start(), [services]);

  useEffect(() => {
    let live = true;
    refreshStoreSettings(services.client, salesDb, session).then(
      (updated) => {
        if (live && updated) onSessionUpdate(updated);
      },
      // Offline or failing: the settings saved at login stay in use until the next start.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [services, salesDb, session, onSessionUpdate]);

  return (
    <TillContext.Provider value={services}>
      <div className="till">
        <Header onLogOut={onLogOut} />
        <SellScreen />
      </div>
    </TillContext.Provider>
  );
}
