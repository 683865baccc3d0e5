import { carryPaymentIds, idsFromAnswer } from "../../provider/payment-ids";
import type { CheckedPayment } from "../../provider/types";

const payment = (over: Partial<CheckedPayment>): CheckedPayment => ({
  countries: [],
  countryExclude: false,
  cities: [],
  devices: [],
  os: [],
  goal: "1",
  total: 10,
  revenue: 5,
  currency: "USD",
  type: "fixed",
  ...over,
});

describe("payment ids", () => {
  const us = payment({ countries: ["US"] });
  const de = payment({ countries: ["DE"] });
  const previous = [
    { ...us, id: "id-us" },
    { ...de, id: "id-de" },
  ];

  it("resends the id of every unchanged payment", () => {
    expect(carryPaymentIds([de, us], previous).map((p) => p.id)).toEqual(["id-de", "id-us"]);
  });

  it("keeps the id of a payment whose price changed", () => {
    expect(carryPaymentIds([{ ...us, total: 99, currency: "EUR" }], previous)[0].id).toBe("id-us");
  });

  it("gives no id to a payment with new conditions, so Affise creates it", () => {
    expect(carryPaymentIds([payment({ countries: ["FR"] })], previous)[0].id).toBeUndefined();
  });

  it("never hands one id to two payments", () => {
    const ids = carryPaymentIds(
      [
        { ...us, total: 1 },
        { ...us, total: 2 },
      ],
      previous,
    ).map((p) => p.id);
    expect(ids).toEqual(["id-us", undefined]);
  });

  it("reads the ids Affise assigned off its answer, by content", () => {
    const declared = [{ ...us, id: "id-us" }, de];
    const answered = [
      { ...de, id: "new-de" },
      { ...us, id: "id-us" },
    ];
    expect(idsFromAnswer(declared, answered).map((p) => p.id)).toEqual(["id-us", "new-de"]);
  });
});
