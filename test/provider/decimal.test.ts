/** Amounts go to Affise as plain decimals, and only amounts that can be written so are accepted. */
import { amountBoundProblem, decimalText } from "../../provider/decimal";
import { encodeOfferForm } from "../../provider/encoding";
import { normalizeOffer } from "../../provider/normalize";
import { helpCentreOffer } from "../../harness/fixtures";

it.each([
  [1e-7, "0.0000001"],
  [1.5e-8, "0.000000015"],
  [123456789012, "123456789012"],
  [1e21, "1000000000000000000000"],
  [1.25e22, "12500000000000000000000"],
  [12.5, "12.5"],
  [0, "0"],
])("writes %p as %s", (value, text) => {
  expect(decimalText(value)).toBe(text);
});

it("never sends an exponent: a tiny amount is sent as a plain decimal", () => {
  const offer = normalizeOffer({
    ...helpCentreOffer,
    payments: [{ total: 1e-7, revenue: 5e-8, currency: "USD", type: "fixed" }],
  });
  const form = decodeURIComponent(encodeOfferForm(offer));
  expect(form).toContain("payments[0][total]=0.0000001");
  expect(form).toContain("payments[0][revenue]=0.00000005");
  expect(form).not.toMatch(/\]=[\d.]+e[+-]?\d/);
});

it.each([
  [1e21, /less than 1000000000000/],
  ["9".repeat(400), /less than 1000000000000/],
  [Infinity, /finite/],
  [1e-9, /at most 8 decimal places/],
  ["0.000000001", /at most 8 decimal places/],
  [0.1 + 0.2, /at most 8 decimal places/],
])("bounds %p", (value, reason) => {
  expect(amountBoundProblem(value)).toMatch(reason);
});

it.each([999_999_999_999.99, "000000000000012.5", 1e-8, "0.00000001"])("accepts %p", (value) => {
  expect(amountBoundProblem(value)).toBeUndefined();
});
