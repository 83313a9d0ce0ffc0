import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { WooClient } from "@pos/woo";
import { readExchange, RecordedStore } from "../worker/recorded-store.js";
import { customerBody, emptyDraft } from "./customer-draft.js";
import { saveCustomer } from "./save-customer.js";

const created = readExchange(new URL("./fixtures/28-customer-create.json", import.meta.url));
const duplicate = readExchange(
  new URL("./fixtures/29-customer-create-duplicate-email.json", import.meta.url),
);
const list = readExchange(new URL("./fixtures/30-customers-list.json", import.meta.url));

const avery = {
  ...emptyDraft,
  firstName: "Avery",
  lastName: "Example",
  email: "avery.example@example.test",
  phone: "555-0100",
};

let store: RecordedStore;
let client: WooClient;
let emailTaken = false;

beforeEach(async () => {
  emailTaken = false;
  store = new RecordedStore((method) => {
    if (method === "POST") return emailTaken ? duplicate : created;
    // The store answers an update with the customer, as it answers a create.
    if (method === "PUT") return { ...created, response: { ...created.response, status: 200 } };
    // The recorded list starts with Avery, the customer who has the email.
    return list;
  });
  client = new WooClient({ baseUrl: await store.listen(), maxAttempts: 1 });
});

afterEach(async () => {
  await store.close();
});

describe("saveCustomer", () => {
  it("creates a customer and returns it mapped", async () => {
    const outcome = await saveCustomer(client, avery, null);

    expect(outcome.kind).toBe("saved");
    expect(outcome.kind === "saved" ? outcome.customer.email : "").toBe(
      "avery.example@example.test",
    );
    expect(JSON.parse(store.seen[0]?.body ?? "{}")).toMatchObject({
      email: "avery.example@example.test",
      billing: { phone: "555-0100", first_name: "Avery" },
    });
  });

  it("returns a duplicate email as a conflict with the existing customer", async () => {
    emailTaken = true;

    const outcome = await saveCustomer(client, avery, null);

    expect(outcome.kind).toBe("emailTaken");
    expect(outcome.kind === "emailTaken" ? outcome.existing?.firstName : "").toBe("Avery");
    expect(store.seen[1]?.url.searchParams.get("email")).toBe("avery.example@example.test");
  });

  it("updates an existing customer with PUT", async () => {
    await saveCustomer(client, avery, 41);

    expect(store.seen[0]?.method).toBe("PUT");
    expect(store.seen[0]?.url.pathname).toBe("/wp-json/wc/v3/customers/41");
  });

  it("rejects an invalid email and sends nothing", async () => {
    await expect(saveCustomer(client, { ...avery, email: "avery@" }, null)).rejects.toThrow(
      /customer is invalid.*email/s,
    );
    expect(store.seen).toEqual([]);
  });
});

describe("customerBody", () => {
  it("rejects a customer with neither name nor email", () => {
    expect(() => customerBody(emptyDraft)).toThrow(/enter a name or an email/);
  });

  it("upper-cases the country code", () => {
    const body = customerBody({ ...avery, country: "gb" });

    expect(body.billing).toMatchObject({ country: "GB" });
  });
});
