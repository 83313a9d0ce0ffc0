// The activation client against the licence service over a real 127.0.0.1 listener.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { activateLicence, deactivateLicence, fetchLicencePublicKeys } from "../licence-client.js";
import { seatsAllowed } from "../seats.js";
import { verifyLicence } from "../verify-licence.js";
import { buildLicenceService } from "./licence-service.js";
import { makeTestDataDir, type TestDataDir } from "./service-test-support.js";

const now = () => new Date("2026-12-04T16:00:00Z");
let data: TestDataDir;
let app: FastifyInstance;
let serviceUrl: string;

beforeAll(async () => {
  data = await makeTestDataDir(now);
  await data.cli(["keygen"]);
  app = await buildLicenceService({ dataDir: data.dataDir, now });
  serviceUrl = await app.listen({ host: "127.0.0.1", port: 0 });
});

afterAll(async () => {
  await app.close();
  await data.remove();
});

describe("activateLicence over HTTP", () => {
  it("activates, verifies and deactivates", async () => {
    const { licenceKey, licenceId } = await data.issue(["--registers", "4", "--days", "365"]);
    const common = { serviceUrl, licenceKey, instanceId: "store-1" };

    const activation = await activateLicence({ ...common, storeOrigin: "https://shop.example/" });
    expect(activation.ok).toBe(true);
    if (!activation.ok) return;
    const keys = await fetchLicencePublicKeys({ serviceUrl });
    expect(keys.ok).toBe(true);
    if (!keys.ok) return;
    const check = await verifyLicence(activation.value, {
      publicKeys: keys.value,
      storeOrigin: "https://shop.example",
      now: now(),
    });
    expect(check.status).toBe("valid");
    expect(seatsAllowed(check)).toBe(4);

    const deactivation = await deactivateLicence(common);
    expect(deactivation).toEqual({
      ok: true,
      value: {
        licence_id: licenceId,
        instance_id: "store-1",
        deactivated_at: "2026-12-04T16:00:00Z",
        store_origin: null,
      },
    });
  });

  it("returns the service's refusal as a typed error", async () => {
    const { licenceKey, licenceId } = await data.issue([
      "--store",
      "https://shop.example",
      "--registers",
      "1",
      "--days",
      "30",
    ]);
    const result = await activateLicence({
      serviceUrl: `${serviceUrl}/`,
      licenceKey,
      storeOrigin: "https://other.example",
      instanceId: "store-9",
    });

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe("rejected");
    expect(result.error.httpStatus).toBe(409);
    expect(result.error.code).toBe("licence_origin_conflict");
    expect(result.error.message).toContain(
      `licence ${licenceId} was issued for https://shop.example`,
    );
  });

  it("reports an unreachable service as a network error", async () => {
    const closed = createServer();
    const port = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));

    const result = await activateLicence({
      serviceUrl: `http://127.0.0.1:${port}`,
      licenceKey: "POSL-00000-00000-00000-00000",
      storeOrigin: "https://shop.example",
      instanceId: "store-1",
    });

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe("network");
    expect(result.error.message).toContain(
      `could not reach the licence service at http://127.0.0.1:${port}/v1/activate`,
    );
  });

  it("reports a silent service as a timeout", async () => {
    const silent = createServer(() => undefined);
    const port = await listen(silent);
    try {
      const result = await activateLicence({
        serviceUrl: `http://127.0.0.1:${port}`,
        licenceKey: "POSL-00000-00000-00000-00000",
        storeOrigin: "https://shop.example",
        instanceId: "store-1",
        timeoutMs: 100,
      });

      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.kind).toBe("timeout");
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it("reports a non-JSON answer as an invalid response", async () => {
    const html = createServer((_request, response) => {
      response.writeHead(200, { "content-type": "text/html" }).end("<html>captive portal</html>");
    });
    const port = await listen(html);
    try {
      const result = await fetchLicencePublicKeys({ serviceUrl: `http://127.0.0.1:${port}/base` });

      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.kind).toBe("invalid-response");
      expect(result.error.message).toContain(`http://127.0.0.1:${port}/base/v1/public-keys`);
    } finally {
      await new Promise((resolve) => html.close(resolve));
    }
  });

  it("reports a forged document shape as an invalid response", async () => {
    const forger = createServer((_request, response) => {
      response
        .writeHead(200, { "content-type": "application/json" })
        .end('{"format":"pos-licence"}');
    });
    const port = await listen(forger);
    try {
      const result = await activateLicence({
        serviceUrl: `http://127.0.0.1:${port}`,
        licenceKey: "POSL-00000-00000-00000-00000",
        storeOrigin: "https://shop.example",
        instanceId: "store-1",
      });

      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.kind).toBe("invalid-response");
    } finally {
      await new Promise((resolve) => forger.close(resolve));
    }
  });

  it("rejects a service address that is not http(s)", async () => {
    const result = await fetchLicencePublicKeys({ serviceUrl: "ftp://licences.example" });

    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error.message).toContain('"ftp://licences.example" is not a valid http(s) URL');
  });
});

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}
