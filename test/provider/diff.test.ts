import { checkOffer } from "../../provider/check";
import { diffOffer } from "../../provider/diff";
import type { CheckedOffer, OfferState } from "../../provider/types";
import { UNKNOWN } from "../../provider/unknowns";
import { helpCentreOffer } from "../../harness/fixtures";

const checked = (args: object): CheckedOffer => checkOffer(args as Record<string, unknown>).inputs;
const stateOf = (offer: CheckedOffer): OfferState => ({
  ...offer,
  payments: offer.payments.map((p, i) => ({ ...p, id: `payment-${i}` })),
  partnerPayments: offer.partnerPayments.map((p, i) => ({ ...p, id: `partner-${i}` })),
  offerId: "5943f7307e28fe9a1f8b456d",
});

const before = checked(helpCentreOffer);
const old = stateOf(before);

describe("diff", () => {
  it("reports no change for the same declaration (payment ids in state are not compared)", () => {
    expect(diffOffer("7", old, before)).toMatchObject({
      changes: false,
      replaces: [],
      changed: [],
    });
  });

  it("updates in place when a payment's amount changes", () => {
    const news = checked({
      ...helpCentreOffer,
      payments: [{ ...(helpCentreOffer.payments as object[])[0], total: 120 }],
    });
    expect(diffOffer("7", old, news)).toMatchObject({
      changes: true,
      replaces: [],
      changed: ["payments"],
      affiseChanged: ["payments"],
    });
  });

  it("updates in place when a personal payment is added or removed", () => {
    expect(diffOffer("7", old, checked({ ...helpCentreOffer, partnerPayments: [] }))).toMatchObject(
      {
        changes: true,
        replaces: [],
        changed: ["partnerPayments"],
      },
    );
  });

  it("updates in place when the advertiser changes (Affise edits it)", () => {
    const news = checked({ ...helpCentreOffer, advertiser: "5e39279bac611cda7e5765ac" });
    expect(diffOffer("7", old, news)).toMatchObject({
      changes: true,
      replaces: [],
      changed: ["advertiser"],
    });
  });

  it("marks a delete-policy change as a change that needs no Affise request", () => {
    const news = checked({ ...helpCentreOffer, deletePolicy: "stop" });
    expect(diffOffer("7", old, news)).toMatchObject({
      changes: true,
      changed: ["deletePolicy"],
      affiseChanged: [],
    });
  });

  it("replaces only when adoptId points at a different offer", () => {
    expect(diffOffer("7", old, checked({ ...helpCentreOffer, adoptId: 7 })).replaces).toEqual([]);
    expect(diffOffer("7", old, checked({ ...helpCentreOffer, adoptId: 8 }))).toMatchObject({
      changes: true,
      replaces: ["adoptId"],
      deleteBeforeReplace: false,
    });
  });

  it("counts a value not yet known as a change", () => {
    expect(diffOffer("7", old, { ...before, title: UNKNOWN }).changed).toEqual(["title"]);
  });

  it("reads state written before a default existed as if the default were there", () => {
    const { deletePolicy: _dropped, ...legacy } = old;
    expect(diffOffer("7", legacy, before).changes).toBe(false);
  });
});

describe("moving between Affise accounts", () => {
  const A = "https://api-a.affise.com";
  const B = "https://api-b.affise.com";
  const onStack = { ...old, tenantUrl: A };

  it("replaces when an offer gets an apiUrl of another account", () => {
    expect(diffOffer("7", onStack, { ...before, apiUrl: B, apiKey: "k" }, A).replaces).toEqual([
      "apiUrl",
    ]);
  });

  it("moves nothing when the apiUrl named is the account it already lives in", () => {
    expect(diffOffer("7", onStack, { ...before, apiUrl: A, apiKey: "k" }, A).replaces).toEqual([]);
  });

  it("replaces when an offer gives up its own account for the stack's", () => {
    const onB = { ...old, apiUrl: B, apiKey: "k", tenantUrl: B };
    expect(diffOffer("7", onB, before, A).replaces).toEqual(["apiUrl"]);
  });
});
