import { existsSync } from "node:fs";

/** Debian's Chromium; tests never download a browser. `CHROMIUM_PATH` overrides the path. */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}: install it with "apt-get install -y chromium" ` +
        `or set CHROMIUM_PATH to its executable`,
    );
  }
  return path;
}

// Without the background-networking flags Chromium keeps calling hosts this machine cannot
// reach, and each refused connection slows start-up.
export const chromiumFlags = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
