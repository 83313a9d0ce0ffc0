import { describe, expect, it } from "vitest";
import { parseQueryString } from "./parse-query-string.js";

describe("parseQueryString", () => {
  it("keeps the last of repeated keys", () => {
    expect(parseQueryString("per_page=5&page=1&per_page=7")).toEqual({ per_page: "7", page: "1" });
  });

  it("collects key[] into a list", () => {
    expect(parseQueryString("include[]=15&include[]=11&_fields=id%2Cname")).toEqual({
      include: ["15", "11"],
      _fields: "id,name",
    });
  });
});
