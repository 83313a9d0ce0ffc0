import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { buildApp, openStoreDatabase, type StoreDatabase } from "@pos/server";
import { WireMeter } from "./wire-meter.js";

const pageScript = fileURLToPath(new URL("./bench-page.js", import.meta.url));

export interface BenchServer {
  baseUrl: string;
  app: Awaited<ReturnType<typeof buildApp>>;
  store: StoreDatabase;
  meter: WireMeter;
  close(): Promise<void>;
}

/**
 * Serves the store from `dataDir` on 127.0.0.1 with the benchmark page at `/bench/`, so the
 * page calls the API from the same origin as the till would.
 */
export async function startBenchServer(dataDir: string): Promise<BenchServer> {
  const store = await openStoreDatabase({ dataDir });
  const app = await buildApp({ store });
  const meter = new WireMeter(app);
  const script = await readFile(pageScript, "utf8");
  app.get("/bench/", async (_request, reply) =>
    reply
      .type("text/html")
      .send(
        `<!doctype html><title>sync bench</title><link rel="icon" href="data:,"><script>${script}</script>`,
      ),
  );
  const baseUrl = await app.listen({ host: "127.0.0.1", port: 0 });
  return {
    baseUrl,
    app,
    store,
    meter,
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}
