import { registerSW } from "virtual:pwa-register";

type Listener = () => void;

let waiting = false;
let applyUpdate: ((reload?: boolean) => Promise<void>) | null = null;
const listeners = new Set<Listener>();

/**
 * Registers the service worker that precaches the till. A new version installs in the
 * background and waits. `applyAppUpdate` swaps it in and reloads when the cashier chooses.
 */
export function registerAppServiceWorker(): void {
  if (!("serviceWorker" in navigator)) return;
  applyUpdate = registerSW({
    onNeedRefresh: () => {
      waiting = true;
      for (const listener of listeners) listener();
    },
  });
}

export function subscribeAppUpdate(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function isAppUpdateWaiting(): boolean {
  return waiting;
}

export async function applyAppUpdate(): Promise<void> {
  await applyUpdate?.(true);
}
