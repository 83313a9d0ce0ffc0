import { beforeAll, describe, expect, it } from "vitest";

import { checkRegisterSeat, editionInForce, seatsAllowed } from "./seats.js";
import { signLicence } from "./sign-licence.js";
import { makePayload, makeTestSigningKey } from "./test-support.js";
import { verifyLicence, type LicenceCheck } from "./verify-licence.js";

const checks: Record<string, LicenceCheck> = {};

beforeAll(async () => {
  const key = await makeTestSigningKey();
  const document = await signLicence(makePayload({ registers: 3 }), key.privateKey);
  const verify = (now: string, storeOrigin = "https://shop.example") =>
    verifyLicence(document, {
      publicKeys: { [key.keyId]: key.publicKey },
      storeOrigin,
      now: new Date(now),
    });
  checks.valid = await verify("2026-06-01T00:00:00Z");
  checks.grace = await verify("2026-12-05T00:00:00Z");
  checks.expired = await verify("2027-06-01T00:00:00Z");
  checks.wrongStore = await verify("2026-06-01T00:00:00Z", "https://other.example");
  checks.malformed = await verifyLicence("{}", {
    publicKeys: {},
    storeOrigin: "",
    now: new Date(),
  });
});

describe("seatsAllowed", () => {
  it("gives the licensed registers while valid or in grace", () => {
    expect(checks.valid?.status).toBe("valid");
    expect(seatsAllowed(checks.valid)).toBe(3);
    expect(checks.grace?.status).toBe("grace");
    expect(seatsAllowed(checks.grace)).toBe(3);
  });

  it("falls back to one register otherwise", () => {
    expect(seatsAllowed(undefined)).toBe(1);
    expect(seatsAllowed(checks.expired)).toBe(1);
    expect(seatsAllowed(checks.wrongStore)).toBe(1);
    expect(seatsAllowed(checks.malformed)).toBe(1);
  });

  it("names the edition in force", () => {
    expect(editionInForce(checks.valid)).toBe("pro");
    expect(editionInForce(checks.expired)).toBe("community");
    expect(editionInForce(undefined)).toBe("community");
  });
});

const at = (...registers: string[]) => registers.map((register) => ({ register }));

describe("checkRegisterSeat", () => {
  it("lets the first register sign in without a licence", () => {
    const decision = checkRegisterSeat({
      check: undefined,
      register: "front",
      registersSignedIn: [],
    });

    expect(decision).toEqual({ allowed: true, seats: 1 });
  });

  it("rejects a second register without a licence", () => {
    const decision = checkRegisterSeat({
      check: undefined,
      register: "back",
      registersSignedIn: [
        { register: "front", userName: "Ann Smith", lastUsedGmt: "2026-12-04T09:12:41.000Z" },
      ],
    });

    expect(decision.allowed).toBe(false);
    if (decision.allowed) return;
    expect(decision.message).toBe(
      "The community edition allows 1 register at once, and 1 is signed in: front (Ann Smith, " +
        'last active 2026-12-04 09:12 UTC). Register "back" can sign in once one of them signs ' +
        "out: a manager or administrator can log in on this device and sign one of them out, " +
        "revoke a register under Staff and devices, or activate a licence " +
        "key with more registers.",
    );
  });

  it("keeps the seat of a register already signed in", () => {
    const decision = checkRegisterSeat({
      check: undefined,
      register: "front",
      registersSignedIn: at("front", "back"),
    });

    expect(decision.allowed).toBe(true);
  });

  it("allows up to the licensed registers", () => {
    expect(
      checkRegisterSeat({ check: checks.valid, register: "r3", registersSignedIn: at("r1", "r2") }),
    ).toEqual({ allowed: true, seats: 3 });

    const full = checkRegisterSeat({
      check: checks.valid,
      register: "r4",
      registersSignedIn: at("r1", "r2", "r3", "r2"),
    });
    expect(full.allowed).toBe(false);
    if (full.allowed) return;
    expect(full.message).toContain("Licence L-123 allows 3 registers at once, and 3 are");
    expect(full.message).toContain("signed in: r1; r2; r3. Register");
  });

  it("names each register once, by its latest session", () => {
    const full = checkRegisterSeat({
      check: undefined,
      register: "RNEW",
      registersSignedIn: [
        { register: "R7KQ2", userName: "Ann Smith", lastUsedGmt: "2026-12-04T09:12:00.000Z" },
        { register: "R7KQ2", userName: "Bob Jones", lastUsedGmt: "2026-12-04T11:40:00.000Z" },
        { register: "R7KQ2", userName: "Cy Lee", lastUsedGmt: "2026-12-04T10:05:00.000Z" },
        { register: "RB3X1", userName: "Dee Roy", lastUsedGmt: "2026-12-04T08:01:09" },
      ],
    });

    expect(full.allowed).toBe(false);
    if (full.allowed) return;
    expect(full.message.match(/R7KQ2/g)).toHaveLength(1);
    expect(full.message).toContain("R7KQ2 (Bob Jones, last active 2026-12-04 11:40 UTC)");
    expect(full.message).not.toContain("Ann Smith");
    expect(full.message).toContain("; RB3X1 (Dee Roy, last active 2026-12-04 08:01 UTC)");
  });

  it("names registers by their readable names", () => {
    const full = checkRegisterSeat({
      check: undefined,
      register: "register-9c1d",
      registerName: "RNEW",
      registersSignedIn: [
        {
          register: "register-4f2a",
          registerName: "R7KQ2",
          userName: "Ann Smith",
          lastUsedGmt: "2026-12-04T09:12:00.000Z",
        },
      ],
    });

    expect(full.allowed).toBe(false);
    if (full.allowed) return;
    expect(full.message).toContain(
      "signed in: R7KQ2 (Ann Smith, last active 2026-12-04 09:12 UTC).",
    );
    expect(full.message).toContain('Register "RNEW" can sign in');
    expect(full.message).not.toContain("register-4f2a");
  });

  it("names a register without a name by its id", () => {
    const full = checkRegisterSeat({
      check: undefined,
      register: "register-9c1d",
      registersSignedIn: [{ register: "register-4f2a", registerName: "", userName: "Ann" }],
    });

    expect(full.allowed).toBe(false);
    if (full.allowed) return;
    expect(full.message).toContain("signed in: register-4f2a (Ann).");
    expect(full.message).toContain('Register "register-9c1d" can sign in');
  });

  it("keeps a name after a login without one", () => {
    const full = checkRegisterSeat({
      check: undefined,
      register: "register-9c1d",
      registersSignedIn: [
        { register: "register-4f2a", registerName: "R7KQ2", lastUsedGmt: "2026-12-04T09:00:00" },
        { register: "register-4f2a", userName: "Bob", lastUsedGmt: "2026-12-04T10:00:00" },
      ],
    });

    expect(full.allowed).toBe(false);
    if (full.allowed) return;
    expect(full.message).toContain("signed in: R7KQ2 (Bob, last active 2026-12-04 10:00 UTC).");
  });

  it("adds the id to a shared name", () => {
    const full = checkRegisterSeat({
      check: checks.valid,
      register: "register-new",
      registersSignedIn: [
        { register: "register-a", registerName: "R1" },
        { register: "register-b", registerName: "R1" },
        { register: "register-c", registerName: "R2" },
      ],
    });

    expect(full.allowed).toBe(false);
    if (full.allowed) return;
    expect(full.message).toContain("R1 (register-a); R1 (register-b); R2.");
  });

  it("explains why an expired licence gives one seat", () => {
    const decision = checkRegisterSeat({
      check: checks.expired,
      register: "r2",
      registersSignedIn: at("r1"),
    });

    expect(decision.allowed).toBe(false);
    if (decision.allowed) return;
    expect(decision.message).toContain("The community edition allows 1 register");
    expect(decision.message).toContain("Licence: licence L-123 expired on 2026-12-01");
  });
});
