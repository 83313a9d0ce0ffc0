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

  it("collects key[0], key[1] into a list in index order", () => {
    expect(parseQueryString("include[1]=4&include[0]=3&status[0]=processing")).toEqual({
      include: ["3", "4"],
      status: ["processing"],
    });
  });
});
