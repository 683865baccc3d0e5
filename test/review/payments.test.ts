import {
  comparePayments,
  conditionsLabel,
  margin,
  type ReviewPayment,
} from "../../review/payments";

const usDesktop: ReviewPayment = {
  countries: ["US"],
  countryExclude: false,
  devices: ["desktop"],
  os: [],
  cities: [],
  goal: "1",
  total: 100,
  revenue: 50,
  currency: "USD",
  type: "fixed",
};
const deMobile: ReviewPayment = {
  ...usDesktop,
  countries: ["DE"],
  devices: ["mobile"],
  revenue: 40,
};

describe("comparing payments", () => {
  it("treats a reorder as no change", () => {
    expect(comparePayments([usDesktop, deMobile], [deMobile, usDesktop])).toEqual([]);
  });

  it("shows an amount change on the payout it belongs to, whatever the list position", () => {
    const raised = { ...usDesktop, revenue: 55 };
    const changes = comparePayments([usDesktop, deMobile], [deMobile, raised]);
    expect(changes).toEqual([
      { label: "US · desktop · goal 1", kind: "changed", before: usDesktop, after: raised },
    ]);
  });

  it("shows a payout whose conditions changed as one change with both labels", () => {
    const moved = { ...usDesktop, countries: ["CA"] };
    const [change] = comparePayments([usDesktop], [moved]);
    expect(change).toMatchObject({
      kind: "changed",
      previousLabel: "US · desktop · goal 1",
      label: "CA · desktop · goal 1",
    });
  });

  it("shows added and removed payouts when several conditions changed at once", () => {
    const a = { ...usDesktop, countries: ["CA"] };
    const b = { ...usDesktop, countries: ["MX"] };
    const kinds = comparePayments([usDesktop, deMobile], [a, b]).map((c) => `${c.kind} ${c.label}`);
    expect(kinds.sort()).toEqual([
      "added CA · desktop · goal 1",
      "added MX · desktop · goal 1",
      "removed DE · mobile · goal 1",
      "removed US · desktop · goal 1",
    ]);
  });

  it("keeps two payouts apart that differ only by goal, sub-id or affiliates", () => {
    const reg = { ...usDesktop, goal: "reg" };
    const sub = { ...usDesktop, sub1: "abc" };
    const partner = { ...usDesktop, partners: [7] };
    expect(comparePayments([usDesktop, reg, sub, partner], [partner, sub, reg, usDesktop])).toEqual(
      [],
    );
    expect(conditionsLabel(sub)).toBe("US · desktop · goal 1 · sub1=abc");
    expect(conditionsLabel(partner)).toBe("US · desktop · goal 1 · affiliates 7");
  });

  it("words excluded countries and empty lists the way Affise means them", () => {
    expect(conditionsLabel({ ...usDesktop, countryExclude: true })).toBe(
      "all but US · desktop · goal 1",
    );
    expect(conditionsLabel({ ...usDesktop, countries: [], devices: [] })).toBe(
      "all countries · all devices · goal 1",
    );
  });

  it("computes the margin as total minus revenue, without float noise", () => {
    expect(margin({ ...usDesktop, total: 0.3, revenue: 0.1 })).toBe(0.2);
    expect(margin({ ...usDesktop, type: "percent", total: 80, revenue: 65 })).toBe(15);
  });
});
