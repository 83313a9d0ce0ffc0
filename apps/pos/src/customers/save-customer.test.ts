import { afterEach, describe, expect, it } from "vitest";
import { WooClient } from "@pos/woo";
import { readExchange, RecordedStore } from "../worker/recorded-store.js";
import { customerBody, emptyDraft } from "./customer-draft.js";
import { clientUuidMetaKey, createCustomerOnce, updateCustomerOnStore } from "./save-customer.js";

// WooCommerce 11's responses, recorded: a customer created, the same email rejected, and the
// customer list, which starts with Avery, the customer who has the email.
const created = readExchange(new URL("./fixtures/28-customer-create.json", import.meta.url));
const duplicate = readExchange(
  new URL("./fixtures/29-customer-create-duplicate-email.json", import.meta.url),
);
const list = readExchange(new URL("./fixtures/30-customers-list.json", import.meta.url));
const noCustomers = { ...list, response: { ...list.response, body: [] } };

const avery = {
  ...emptyDraft,
  firstName: "Avery",
  lastName: "Example",
  email: "avery.example@example.test",
  phone: "555-0100",
};
const clientUuid = "0b7e3d0c-58c5-4a4e-9d8e-6f0b9b2a1c11";

/** Avery as recorded, carrying this till's client UUID, as the store returns our own customer. */
const averyWithUuid = {
  ...created,
  response: {
    ...created.response,
    status: 200,
    body: [
      {
        ...(created.response.body as object),
        meta_data: [{ id: 9, key: clientUuidMetaKey, value: clientUuid }],
      },
    ],
  },
};

let store: RecordedStore | null = null;

afterEach(async () => {
  await store?.close();
  store = null;
});

/** Starts a store that returns `lookups[n]` for the n-th GET and `write` for every POST and PUT. */
async function startStore(
  lookups: (typeof list)[],
  write: typeof created,
): Promise<{ client: WooClient; store: RecordedStore }> {
  let lookupCount = 0;
  store = new RecordedStore((method) => {
    if (method !== "GET") return write;
    const answer = lookups[Math.min(lookupCount, lookups.length - 1)] ?? null;
    lookupCount += 1;
    return answer;
  });
  const client = new WooClient({ baseUrl: await store.listen(), maxAttempts: 1 });
  return { client, store };
}

describe("createCustomerOnce", () => {
  it("looks the email up, then creates the customer with its client UUID", async () => {
    const { client, store } = await startStore([noCustomers], created);

    const outcome = await createCustomerOnce(client, avery, clientUuid);

    expect(outcome.kind).toBe("saved");
    expect(store.seen.map((request) => request.method)).toEqual(["GET", "POST"]);
    expect(store.seen[0]?.url.searchParams.get("email")).toBe(avery.email);
    expect(store.seen[0]?.url.searchParams.get("role")).toBe("all");
    expect(JSON.parse(store.seen[1]?.body ?? "{}")).toMatchObject({
      email: avery.email,
      billing: { phone: "555-0100", first_name: "Avery" },
      meta_data: [{ key: clientUuidMetaKey, value: clientUuid }],
    });
  });

  it("returns its own earlier customer without a second POST", async () => {
    const { client, store } = await startStore([averyWithUuid], created);

    const outcome = await createCustomerOnce(client, avery, clientUuid);

    expect(outcome.kind === "saved" ? outcome.customer.id : null).toBe(2);
    expect(store.seen.map((request) => request.method)).toEqual(["GET"]);
  });

  it("returns another customer's email as a conflict before POST", async () => {
    const { client, store } = await startStore([list], created);

    const outcome = await createCustomerOnce(client, avery, clientUuid);

    expect(outcome.kind).toBe("emailTaken");
    expect(outcome.kind === "emailTaken" ? outcome.existing?.id : null).toBe(2);
    expect(store.seen.map((request) => request.method)).toEqual(["GET"]);
  });

  it("looks again when the POST finds the email taken", async () => {
    const { client, store } = await startStore([noCustomers, list], duplicate);

    const outcome = await createCustomerOnce(client, avery, clientUuid);

    expect(outcome.kind === "emailTaken" ? outcome.existing?.firstName : null).toBe("Avery");
    expect(store.seen.map((request) => request.method)).toEqual(["GET", "POST", "GET"]);
  });

  it("rejects an invalid email and sends nothing", async () => {
    const { client, store } = await startStore([noCustomers], created);

    await expect(
      createCustomerOnce(client, { ...avery, email: "avery@" }, clientUuid),
    ).rejects.toThrow(/customer is invalid.*email/s);
    expect(store.seen).toEqual([]);
  });
});

describe("updateCustomerOnStore", () => {
  it("updates a customer with PUT", async () => {
    const { client, store } = await startStore([noCustomers], created);

    await updateCustomerOnStore(client, 41, avery);

    expect(store.seen[0]?.method).toBe("PUT");
    expect(store.seen[0]?.url.pathname).toBe("/wp-json/wc/v3/customers/41");
  });

  it("returns a taken email as a conflict with its owner", async () => {
    const { client } = await startStore([list], duplicate);

    const outcome = await updateCustomerOnStore(client, 41, avery);

    expect(outcome.kind === "emailTaken" ? outcome.existing?.id : null).toBe(2);
  });
});

describe("customerBody", () => {
  it("rejects a customer without an email", () => {
    expect(() => customerBody({ ...avery, email: "" })).toThrow(/enter an email/);
  });

  it("trims the email and upper-cases the country code", () => {
    const body = customerBody({ ...avery, email: " avery.example@example.test ", country: "gb" });

    expect(body.email).toBe("avery.example@example.test");
    expect(body.billing).toMatchObject({ country: "GB" });
  });
});
