import { useCallback, useEffect, useState } from "react";
import { appendLog, SalesDb } from "./db/sales-db.js";
import { LoginScreen } from "./login/LoginScreen.js";
import { logOut } from "./session/log-out.js";
import { clearSessionEnd } from "./session/session-end.js";
import { loadSession, saveSession, type Session } from "./session/session.js";
import { Till } from "./till/Till.js";

const salesDb = new SalesDb();

type SessionState = { status: "loading" } | { status: "ready"; session: Session | null };

/** Shows the login screen until a session is saved, then the till. */
export function App() {
  const [state, setState] = useState<SessionState>({ status: "loading" });

  useEffect(() => {
    loadSession(salesDb).then(
      (session) => setState({ status: "ready", session }),
      () => setState({ status: "ready", session: null }),
    );
  }, []);

  const onLoggedIn = useCallback(async (session: Session) => {
    await saveSession(salesDb, session);
    await clearSessionEnd(salesDb);
    await requestPersistentStorage(salesDb);
    setState({ status: "ready", session });
  }, []);

  const onLogOut = useCallback(async () => {
    await logOut(salesDb);
    setState({ status: "ready", session: null });
  }, []);

  const onSessionUpdate = useCallback((session: Session) => {
    setState({ status: "ready", session });
  }, []);

  if (state.status === "loading") return <p className="loading">Opening the till…</p>;

  if (!state.session) {
    return <LoginScreen salesDb={salesDb} onLoggedIn={onLoggedIn} />;
  }

  return (
    <Till
      session={state.session}
      salesDb={salesDb}
      onLogOut={onLogOut}
      onSessionUpdate={onSessionUpdate}
    />
  );
}

/** Asks the browser not to evict the till's data under storage pressure, and logs the result. */
async function requestPersistentStorage(db: SalesDb): Promise<void> {
  const granted = (await navigator.storage?.persist?.()) ?? false;
  await appendLog(db, {
    atMs: Date.now(),
    level: granted ? "info" : "warn",
    message: granted
      ? "persistent storage granted"
      : "persistent storage not granted: the browser may evict unsent sales under pressure",
  });
}
