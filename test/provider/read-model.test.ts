import { checkOffer } from "../../provider/check";
import { parseAffiseOffer } from "../../provider/affise/offer";
import { inputsFromState, stateFromAffise } from "../../provider/read-model";

/** Shaped like the go-sdk fixture and Affise's create example (CONTRACT §7–8). */
const affiseAnswer = {
  id: 936,
  offer_id: "5943f7307e28fe9a1f8b456d",
  advertiser: "573C69A33B7D9B0E638B4576",
  title: "test",
  url: "https://t.test/?c={clickid}",
  status: "stopped",
  external_offer_id: "pulumi/p/s/test",
  payments: [
    {
      id: "0b3c0c61-3cbf-4f43-8d9d-1f9a3a1c5f10",
      countries: ["kz", "ru"],
      cities: [{ country_code: "KZ", id: 563497, name: "Maksut", region_code: "Qostanay Oblysy" }],
      devices: [],
      os: ["Mac OS X"],
      goal: "1",
      revenue: 500,
      currency: "usd",
      title: "goal1",
      type: "fixed",
      country_exclude: false,
      total: 1000,
      with_regions: false,
      url: null,
      sub1: "",
    },
  ],
  partner_payments: [
    {
      id: "9d0c9b0e-8d8f-4d43-9a3e-2f2f1d0f4c11",
      countries: [],
      partners: [610],
      goal: "1",
      revenue: 1.5,
      total: "2.25",
      currency: "eur",
      type: "percent",
      country_exclude: 0,
    },
  ],
  created_at: "2017-06-17 12:35:00",
};

describe("mapping Affise's read model back to inputs", () => {
  const state = stateFromAffise(parseAffiseOffer(affiseAnswer), {
    deletePolicy: "stop",
    resourceName: "test",
  });

  it("reads lowercase codes, city objects, booleans and string amounts as check would write them", () => {
    expect(state.payments).toEqual([
      {
        id: "0b3c0c61-3cbf-4f43-8d9d-1f9a3a1c5f10",
        countries: ["KZ", "RU"],
        countryExclude: false,
        cities: [563497],
        devices: [],
        os: ["Mac OS X"],
        goal: "1",
        total: 1000,
        revenue: 500,
        currency: "USD",
        type: "fixed",
        title: "goal1",
      },
    ]);
    expect(state.partnerPayments[0]).toMatchObject({
      partners: [610],
      total: 2.25,
      revenue: 1.5,
      currency: "EUR",
      countryExclude: false,
    });
    expect(state).toMatchObject({
      offerId: "5943f7307e28fe9a1f8b456d",
      advertiser: "573c69a33b7d9b0e638b4576",
      externalOfferId: "pulumi/p/s/test",
    });
  });

  it("yields inputs equal to checking the same offer as declared: a refresh shows no drift", () => {
    const declared = checkOffer({
      title: "test",
      advertiser: "573c69a33b7d9b0e638b4576",
      url: "https://t.test/?c={clickid}",
      externalOfferId: "pulumi/p/s/test",
      deletePolicy: "stop",
      resourceName: "test",
      payments: [
        {
          title: "goal1",
          countries: ["RU", "KZ"],
          cities: [563497],
          os: ["Mac OS X"],
          total: 1000,
          revenue: 500,
          currency: "USD",
          type: "fixed",
        },
      ],
      partnerPayments: [
        { partners: [610], total: 2.25, revenue: 1.5, currency: "EUR", type: "percent" },
      ],
    });
    expect(declared.failures).toEqual([]);
    expect(inputsFromState(state)).toEqual(declared.inputs);
  });

  it("keeps provider-only inputs from the previous state", () => {
    expect(state.deletePolicy).toBe("stop");
    expect(state.resourceName).toBe("test");
  });

  it("accepts an advertiser given as an object and a missing payments list", () => {
    const offer = parseAffiseOffer({
      id: "5",
      title: "x",
      advertiser: { id: "573c69a33b7d9b0e638b4576", title: "Adv" },
    });
    expect(stateFromAffise(offer, { deletePolicy: "delete" })).toMatchObject({
      advertiser: "573c69a33b7d9b0e638b4576",
      payments: [],
      partnerPayments: [],
    });
  });
});
