import { useEffect, useMemo, useState } from "react";
import type { SalesDb } from "../db/sales-db.js";
import { SellScreen } from "../sell/SellScreen.js";
import type { Session } from "../session/session.js";
import { refreshStoreSettings } from "../session/refresh-store-settings.js";
import { Header, type TillScreen } from "./Header.js";
import { OrdersScreen } from "../orders/OrdersScreen.js";
import { ReportsScreen } from "../reports/ReportsScreen.js";
import { HealthScreen } from "../health/HealthScreen.js";
import { TillSessionScreen } from "../till-sessions/TillSessionScreen.js";
import { TillSessionSync } from "../till-sessions/TillSessionSync.js";
import { TillContext } from "./till-context.js";
import { createTillServices } from "./till-services.js";
import { OutboxContext } from "../outbox/outbox-context.js";
import { OutboxView } from "../outbox/OutboxView.js";
import { startTillOutbox } from "../outbox/start-till-outbox.js";
import { createTillOutbox } from "../outbox/till-outbox.js";
import { useLogOutGuard } from "../outbox/use-log-out-guard.js";

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
  const outbox = useMemo(
    () =>
      createTillOutbox(salesDb, services.client, {
        onStockChanged: () => services.catalogWorker.syncNow(),
        // A customer the store just created is searchable at once, before the next sync.
        onCustomerSaved: (customer) => services.catalogWorker.storeCustomers([customer]),
      }),
    [services, salesDb],
  );
  useEffect(() => startTillOutbox(outbox, services.connectivity), [outbox, services]);
  const logOutGuard = useLogOutGuard(outbox, onLogOut);
  const [screen, setScreen] = useState<TillScreen>("sell");

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
      <OutboxContext.Provider value={outbox}>
        <div className="till">
          <Header onLogOut={logOutGuard.logOut} screen={screen} onNavigate={setScreen} />
          <TillSessionSync />
          {logOutGuard.refusal && (
            <p role="alert" className="error log-out-refusal">
              {logOutGuard.refusal}
            </p>
          )}
          {screen === "sell" && <SellScreen />}
          {screen === "orders" && <OrdersScreen />}
          {screen === "reports" && <ReportsScreen />}
          {screen === "session" && <TillSessionScreen />}
          {screen === "health" && <HealthScreen />}
          <OutboxView />
        </div>
      </OutboxContext.Provider>
    </TillContext.Provider>
  );
}
