import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { wpSiteIndexSchema } from "@pos/woo";
import { startTestServer, testDialects } from "../../test-support/test-server.js";
import type { TestServer } from "../../test-support/test-server.js";
import { writeSettingValues } from "../../store/store-settings.js";

describe.each(testDialects)("WordPress REST index on %s", (dialect) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(dialect, { sampleData: false });
  });
  afterAll(() => server.close());

  it("serves the site name and time zone without a login", async () => {
    await writeSettingValues(server.store.db, {
      blogname: "Corner shop",
      timezone_string: "Europe/Paris",
    });
    for (const url of ["/wp-json/", "/wp-json"]) {
      const response = await server.app.inject({ method: "GET", url });
      expect(response.statusCode).toBe(200);
      const index = wpSiteIndexSchema.parse(response.json());
      expect(index.name).toBe("Corner shop");
      expect(index.timezone_string).toBe("Europe/Paris");
      expect(index.url).toBe("http://localhost:80");
    }
  });
});
