import { describe, expect, it } from "vitest";
import { CustomerIndex } from "./customer-index.js";
import { customer, jane, omar } from "./test-customers.js";

function filledIndex(): CustomerIndex {
  const index = new CustomerIndex();
  index.put([jane, omar]);
  return index;
}

describe("CustomerIndex", () => {
  it.each([
    ["a first name prefix", "jan"],
    ["a last name with a typo", "jane dooe"],
    ["an email", "jane.doe@example.com"],
    ["a phone in another layout", "555-010-1234"],
    ["a company", "acme"],
    ["a street and city", "mill leeds"],
  ])("finds a customer by %s", (_case, text) => {
    expect(filledIndex().query(text, 5)).toEqual([7]);
  });

  it("finds a customer by postcode", () => {
    expect(filledIndex().query("SW1A", 5)).toEqual([8]);
  });

  it("finds a customer by shipping name and address", () => {
    const index = new CustomerIndex();
    const shipped = customer({ id: 9, firstName: "Lee", email: "lee@example.org" });
    index.put([
      {
        ...shipped,
        shipping: {
          ...shipped.shipping,
          firstName: "Marisol",
          lastName: "Quintero",
          address2: "Flat 4",
          state: "Yorkshire",
        },
      },
    ]);

    expect(index.query("marisol quintero", 5)).toEqual([9]);
    expect(index.query("yorkshire", 5)).toEqual([9]);
    expect(index.query("flat 4", 5)).toEqual([9]);
  });

  it("returns nothing for empty text", () => {
    expect(filledIndex().query("  ", 5)).toEqual([]);
  });

  it("replaces an edited customer and drops a deleted one", () => {
    const index = filledIndex();
    index.put([customer({ id: 7, firstName: "Janet", lastName: "Smith" })]);
    index.delete([8]);

    expect(index.query("doe", 5)).toEqual([]);
    expect(index.query("smith", 5)).toEqual([7]);
    expect(index.query("omar", 5)).toEqual([]);
  });
});
