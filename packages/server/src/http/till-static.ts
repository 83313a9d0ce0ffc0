import { existsSync } from "node:fs";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";

/** Files the browser must revalidate on every load, so a new till version is picked up. */
const revalidatedFiles = new Set(["index.html", "sw.js", "registerSW.js", "manifest.webmanifest"]);

/**
 * Serves the till's build at `/`: hashed assets are cached for a year (their names change with
 * their content), index.html and the service worker are revalidated on every load.
 */
export async function registerTillStatic(app: FastifyInstance, tillDir: string): Promise<void> {
  const root = path.resolve(tillDir);
  await app.register(fastifyStatic, {
    root,
    prefix: "/",
    wildcard: true,
    cacheControl: false,
    setHeaders: (res, filePath) => {
      res.setHeader("Cache-Control", cacheControlFor(filePath));
    },
  });
}

export function cacheControlFor(filePath: string): string {
  const name = path.basename(filePath);
  if (revalidatedFiles.has(name)) return "no-cache";
  if (/[.-][A-Za-z0-9_-]{8,}\.(js|css|woff2?|png|svg|jpg|webp)$/.test(name)) {
    return "public, max-age=31536000, immutable";
  }
  return "no-cache";
}

export function tillBuildExists(tillDir: string): boolean {
  return existsSync(path.join(path.resolve(tillDir), "index.html"));
}
