/**
 * Amounts as Affise is sent them: plain decimals. JavaScript writes 1e21 as "1e+21" and 1e-7 as
 * "1e-7", and a 400-digit amount becomes Infinity; none of those is a number to Affise.
 */

/** Amounts are bounded so that every accepted one is sent exactly as a plain decimal. */
export const MAX_INTEGER_DIGITS = 12;
export const MAX_DECIMAL_PLACES = 8;

/** A finite number as a plain decimal: never an exponent. */
export function decimalText(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const text = String(value);
  const scientific = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!scientific) return text;
  const [, sign, lead, rest = "", exponent] = scientific;
  const digits = lead + rest;
  const point = 1 + Number(exponent);
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + "0".repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** Why an amount (already a number ≥ 0 or a decimal string) is out of bounds, or undefined. */
export function amountBoundProblem(value: number | string): string | undefined {
  if (typeof value === "number" && !Number.isFinite(value)) return "must be a finite number";
  const text = typeof value === "number" ? decimalText(value) : value.trim();
  const [whole, fraction = ""] = text.split(".");
  if (whole.replace(/^0+(?=\d)/, "").length > MAX_INTEGER_DIGITS) {
    return `must be less than 1${"0".repeat(MAX_INTEGER_DIGITS)} (at most ${MAX_INTEGER_DIGITS} digits before the decimal point)`;
  }
  if (fraction.length > MAX_DECIMAL_PLACES) {
    return `must have at most ${MAX_DECIMAL_PLACES} decimal places`;
  }
  return undefined;
}
