import { useId, useState, type FormEvent } from "react";
import { WooApiError, WooNetworkError } from "@pos/woo";
import { logIn } from "../session/log-in.js";
import type { Session } from "../session/session.js";

interface LoginScreenProps {
  onLoggedIn: (session: Session) => Promise<void>;
}

export function LoginScreen({ onLoggedIn }: LoginScreenProps) {
  const ids = useId();
  const [storeUrl, setStoreUrl] = useState(window.location.origin);
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const session = await logIn({ storeUrl, username, password });
      await onLoggedIn(session);
    } catch (failure) {
      setError(loginErrorMessage(failure, storeUrl));
      setBusy(false);
    }
  };

  return (
    <main className="login">
      <form
        className="login-form"
        onSubmit={(event) => void submit(event)}
        aria-labelledby={`${ids}-title`}
      >
        <h1 id={`${ids}-title`}>Log in to the till</h1>
        <label htmlFor={`${ids}-store`}>Store address</label>
        <input
          id={`${ids}-store`}
          type="url"
          value={storeUrl}
          onChange={(event) => setStoreUrl(event.target.value)}
          required
        />
        <label htmlFor={`${ids}-username`}>Username</label>
        <input
          id={`${ids}-username`}
          autoComplete="username"
          value={username}
          onChange={(event) => setUsername(event.target.value)}
          required
          autoFocus
        />
        <label htmlFor={`${ids}-password`}>Password</label>
        <input
          id={`${ids}-password`}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          required
        />
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? "Logging in…" : "Log in"}
        </button>
      </form>
    </main>
  );
}

function loginErrorMessage(failure: unknown, storeUrl: string): string {
  if (failure instanceof WooApiError && failure.status === 401) {
    return "Wrong username or password. Check both and try again.";
  }
  if (failure instanceof WooApiError && failure.status === 429) {
    return "Too many login attempts. Wait a minute, then try again.";
  }
  if (failure instanceof WooNetworkError) {
    return `The store at ${storeUrl} could not be reached. Logging in needs the connection: check it and try again.`;
  }
  return failure instanceof Error ? failure.message : String(failure);
}
