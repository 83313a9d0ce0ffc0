import { useEffect, useState } from "react";
import { useTill } from "../till/till-context.js";
import { useConnectivity } from "../till/use-connectivity.js";

/** What the till knows about the store's answer for a search that found nothing locally. */
export type ServerFallback =
  | { state: "idle" }
  | { state: "searching" }
  | { state: "found"; stored: number }
  | { state: "failed"; message: string }
  | { state: "offline" };

/** The wait after the last keystroke before the store is asked, so typing sends one request. */
const debounceMs = 400;

/**
 * Asks the store for products when a search found nothing in the local catalogue and the store
 * is reachable; the worker stores what the store returns, so it appears in the results.
 */
export function useServerFallback(text: string, foundLocally: boolean): ServerFallback {
  const { catalogWorker } = useTill();
  const connectivity = useConnectivity();
  const [fallback, setFallback] = useState<{ text: string; value: ServerFallback } | null>(null);
  const trimmed = text.trim();
  const offline = connectivity === "offline";
  const needed = trimmed !== "" && !foundLocally && !offline;

  useEffect(() => {
    if (!needed) return;
    let current = true;
    const timer = setTimeout(() => {
      setFallback({ text: trimmed, value: { state: "searching" } });
      void catalogWorker.searchServer(trimmed).then((outcome) => {
        if (!current) return;
        const value: ServerFallback = outcome.ok
          ? { state: "found", stored: outcome.stored }
          : { state: "failed", message: outcome.message };
        setFallback({ text: trimmed, value });
      });
    }, debounceMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [catalogWorker, trimmed, needed]);

  if (!trimmed) return { state: "idle" };
  if (offline) return { state: "offline" };
  return fallback?.text === trimmed ? fallback.value : { state: "idle" };
}
