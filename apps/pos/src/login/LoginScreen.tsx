import { useEffect, useId, useState, type FormEvent } from "react";
import type { SalesDb } from "../db/sales-db.js";
import { connectWooStore } from "../session/connect-woo-store.js";
import { logIn } from "../session/log-in.js";
import { loadRegisterId } from "../session/register-id.js";
import { readRegisterId } from "../till-sessions/register-id.js";
import { readSessionEnd } from "../session/session-end.js";
import type { Session, WooCredentials } from "../session/session.js";
import { CredentialFields, type ConnectionKind } from "./CredentialFields.js";
import { loginErrorMessage } from "./login-error-message.js";
import { SeatTakeover } from "./SeatTakeover.js";
import { seatRefusalOf, type SeatRefusal } from "./seat-refusal.js";
import { countUnsentSales, unsentSalesText } from "./unsent-sales.js";

interface LoginScreenProps {
  salesDb: SalesDb;
  onLoggedIn: (session: Session) => Promise<void>;
}

const connectionLabels: Record<ConnectionKind, string> = {
  pos: "Store server login",
  consumerKey: "WooCommerce consumer key",
  applicationPassword: "WordPress application password",
};

/**
 * Renders the connection screen: the store's address, then a login on our store server or the
 * credentials of a real WooCommerce store. Needed once per device; later starts use the saved
 * session, offline too.
 */
export function LoginScreen({ salesDb, onLoggedIn }: LoginScreenProps) {
  const ids = useId();
  const [storeUrl, setStoreUrl] = useState(window.location.origin);
  const [kind, setKind] = useState<ConnectionKind>("pos");
  const [fields, setFields] = useState({ first: "", second: "" });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [notices, setNotices] = useState<string[]>([]);
  const [refusal, setRefusal] = useState<SeatRefusal | null>(null);

  useEffect(() => {
    let live = true;
    void Promise.all([readSessionEnd(salesDb), countUnsentSales(salesDb)]).then(
      ([ended, unsent]) => {
        if (!live) return;
        setNotices([ended, unsentSalesText(unsent)].filter((text) => text !== null));
      },
    );
    return () => {
      live = false;
    };
  }, [salesDb]);

  const logInWith = async (replaceRegister?: string) => {
    setBusy(true);
    setError(null);
    setRefusal(null);
    try {
      const session = await connect(salesDb, storeUrl, kind, fields, replaceRegister);
      await onLoggedIn(session);
    } catch (failure) {
      setError(loginErrorMessage(failure, storeUrl));
      setRefusal(seatRefusalOf(failure));
      setBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void logInWith();
  };

  return (
    <main className="login">
      <form className="login-form" onSubmit={submit} aria-labelledby={`${ids}-title`}>
        <h1 id={`${ids}-title`}>Log in to the till</h1>
        {notices.map((text) => (
          <p key={text} role="status" className="login-notice">
            {text}
          </p>
        ))}
        <label htmlFor={`${ids}-store`}>Store address</label>
        <input
          id={`${ids}-store`}
          type="url"
          value={storeUrl}
          onChange={(event) => setStoreUrl(event.target.value)}
          required
        />
        <label htmlFor={`${ids}-kind`}>Connect with</label>
        <select
          id={`${ids}-kind`}
          value={kind}
          onChange={(event) => {
            setKind(event.target.value as ConnectionKind);
            setFields({ first: "", second: "" });
          }}
        >
          {(Object.keys(connectionLabels) as ConnectionKind[]).map((option) => (
            <option key={option} value={option}>
              {connectionLabels[option]}
            </option>
          ))}
        </select>
        <CredentialFields kind={kind} fields={fields} onChange={setFields} />
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        {refusal && (
          <SeatTakeover
            refusal={refusal}
            busy={busy}
            onTakeOver={(handle) => void logInWith(handle)}
          />
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? "Logging in…" : "Log in"}
        </button>
      </form>
    </main>
  );
}

async function connect(
  salesDb: SalesDb,
  storeUrl: string,
  kind: ConnectionKind,
  fields: { first: string; second: string },
  replaceRegister?: string,
): Promise<Session> {
  if (kind === "pos") {
    const register = await loadRegisterId(salesDb);
    const registerName = await readRegisterId(salesDb, () => crypto.randomUUID());
    return logIn({
      storeUrl,
      username: fields.first,
      password: fields.second,
      register,
      registerName,
      ...(replaceRegister ? { replaceRegister } : {}),
    });
  }
  const credentials: WooCredentials =
    kind === "consumerKey"
      ? { kind, consumerKey: fields.first.trim(), consumerSecret: fields.second.trim() }
      : { kind, username: fields.first, password: fields.second };
  return connectWooStore({ storeUrl, credentials });
}
