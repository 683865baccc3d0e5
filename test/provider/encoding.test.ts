import * as qs from "qs";
import { encodeOfferForm } from "../../provider";
import { checkOffer } from "../../provider/check";
import { offerForm } from "../../provider/encoding";
import { helpCentreOffer } from "../../harness/fixtures";

/** Affise's help-centre cURL example, partner payment completed with its amounts. */
const HELP_CENTRE_BODY =
  "title=Help-centre example&advertiser=5e39279bac611cda7e5765ab&url=https://example.test/track?click={clickid}" +
  "&payments[0][countries][]=RU&payments[0][countries][]=US&payments[0][country_exclude]=1" +
  "&payments[0][devices][]=desktop&payments[0][goal]=2&payments[0][total]=100&payments[0][revenue]=50" +
  "&payments[0][currency]=USD&payments[0][type]=fixed&payments[0][sub1]=abc" +
  "&partner_payments[1][partners][]=2&partner_payments[1][countries][]=RU&partner_payments[1][goal]=3" +
  "&partner_payments[1][total]=80&partner_payments[1][revenue]=40&partner_payments[1][currency]=USD" +
  "&partner_payments[1][type]=fixed";

const checked = (args: object) => {
  const { inputs, failures } = checkOffer(args as Record<string, unknown>);
  expect(failures).toEqual([]);
  return inputs;
};

describe("encodeOfferForm", () => {
  it("decodes to the same structure as Affise's help-centre example", () => {
    const ours = qs.parse(encodeOfferForm(checked(helpCentreOffer)));
    const theirs = qs.parse(HELP_CENTRE_BODY.replace(/\{/g, "%7B").replace(/\}/g, "%7D"));
    // The only additions are defaults written out: Affise's own, sent rather than assumed.
    expect(ours).toEqual({
      ...theirs,
      partner_payments: [{ ...(theirs.partner_payments as object[])[0], country_exclude: "0" }],
      status: "stopped",
      privacy: "public",
      hold_period: "0",
      hold_type: "days",
      is_top: "0",
      is_cpi: "0",
    });
  });

  it("uses the help-centre key shapes: [] for value lists, [i] for payments", () => {
    const body = decodeURIComponent(encodeOfferForm(checked(helpCentreOffer)));
    expect(body).toContain("payments[0][countries][]=RU&payments[0][countries][]=US");
    expect(body).toContain("partner_payments[0][partners][]=2");
    expect(body).not.toMatch(/countries\]\[\d/);
  });

  it("escapes values so & and = in a tracking URL survive", () => {
    const body = encodeOfferForm(
      checked({ ...helpCentreOffer, url: "https://t.test/?a=1&b={sub1}" }),
    );
    expect(qs.parse(body).url).toBe("https://t.test/?a=1&b={sub1}");
  });

  it("on edit, resends payment ids and clears what is now empty", () => {
    const offer = checked(helpCentreOffer);
    const payments = offer.payments.map((p) => ({
      ...p,
      id: "4b7b1c5e-0a6b-4c1e-9d8e-111111111111",
    }));
    const edit = qs.parse(offerForm({ ...offer, payments, partnerPayments: [] }, { mode: "edit" }));
    expect(edit.payments).toEqual([
      expect.objectContaining({
        id: "4b7b1c5e-0a6b-4c1e-9d8e-111111111111",
        cities: "",
        os: "",
        sub1: "abc",
        sub2: "",
      }),
    ]);
    expect(edit.partner_payments).toBe("");
  });

  it("on create, leaves empty lists and texts out", () => {
    const create = qs.parse(encodeOfferForm(checked(helpCentreOffer)));
    expect((create.payments as Record<string, unknown>[])[0]).not.toHaveProperty("cities");
    expect((create.payments as Record<string, unknown>[])[0]).not.toHaveProperty("sub2");
    expect(create).not.toHaveProperty("partner_payments[0][id]");
  });

  it("sends the marker as external_offer_id", () => {
    const body = qs.parse(
      encodeOfferForm(checked({ ...helpCentreOffer, externalOfferId: "pulumi/p/s/n" })),
    );
    expect(body.external_offer_id).toBe("pulumi/p/s/n");
  });

  it("takes the offer as a program declares it, and checks it as pulumi up does", () => {
    const declared: Parameters<typeof encodeOfferForm>[0] = {
      title: " Help-centre example ",
      advertiser: "5E39279BAC611CDA7E5765AB",
      url: "https://example.test/track?click={clickid}",
      payments: [
        { countries: ["us", "ru"], total: "100", revenue: 50, currency: "usd", type: "fixed" },
      ],
    };
    expect(encodeOfferForm(declared)).toBe(offerForm(checked(declared)));
    expect(qs.parse(encodeOfferForm(declared)).payments).toEqual([
      expect.objectContaining({ countries: ["RU", "US"] }),
    ]);
    expect(() => encodeOfferForm({ ...declared, holdPeriod: 61 })).toThrow(
      /holdPeriod must be 60 or less/,
    );
  });
});
