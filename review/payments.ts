/**
 * Payments compared as a partner manager reads them: matched by the conditions they pay on
 * (where, on what, for which goal and affiliates), never by list position, so a reorder is no
 * change and an amount change is shown on the payout it belongs to.
 */

/** A payment as it appears in an offer's checked inputs. */
export interface ReviewPayment {
  countries?: string[];
  countryExclude?: boolean;
  cities?: number[];
  devices?: string[];
  os?: string[];
  goal?: string;
  total?: number;
  revenue?: number;
  currency?: string;
  type?: string;
  title?: string;
  partners?: number[];
  [sub: `sub${number}`]: string | string[] | undefined;
}

export interface PaymentChange {
  /** The conditions, in words: "US · desktop · goal 1". */
  label: string;
  kind: "added" | "removed" | "changed";
  before?: ReviewPayment;
  after?: ReviewPayment;
  /** Set when a payment's conditions changed too (label is then the new conditions). */
  previousLabel?: string;
}

const SUBS = ["sub1", "sub2", "sub3", "sub4", "sub5", "sub6", "sub7", "sub8"] as const;
const MONEY_FIELDS = ["total", "revenue", "currency", "type", "title"] as const;

/** What distinguishes one payout from another in Affise: everything but the money. */
export function conditionsKey(payment: ReviewPayment): string {
  return JSON.stringify([
    sorted(payment.countries),
    payment.countryExclude === true,
    sorted(payment.cities),
    sorted(payment.devices),
    sorted(payment.os),
    payment.goal ?? "1",
    sorted(payment.partners),
    SUBS.map((sub) => payment[sub] ?? null),
  ]);
}

export function conditionsLabel(payment: ReviewPayment): string {
  const parts: string[] = [];
  const countries = payment.countries ?? [];
  if (countries.length === 0) parts.push("all countries");
  else
    parts.push(payment.countryExclude ? `all but ${countries.join(", ")}` : countries.join(", "));
  if (payment.cities?.length) parts.push(`cities ${payment.cities.join(", ")}`);
  parts.push(payment.devices?.length ? payment.devices.join(", ") : "all devices");
  if (payment.os?.length) parts.push(payment.os.join(", "));
  parts.push(`goal ${payment.goal ?? "1"}`);
  if (payment.partners?.length) parts.push(`affiliates ${payment.partners.join(", ")}`);
  for (const sub of SUBS) {
    const value = payment[sub];
    if (value !== undefined && value !== "") parts.push(`${sub}=${[value].flat().join("|")}`);
  }
  return parts.join(" · ");
}

/** Payments added, removed and changed between two lists; unchanged ones are left out. */
export function comparePayments(
  before: ReviewPayment[] | undefined,
  after: ReviewPayment[] | undefined,
): PaymentChange[] {
  const unmatched = [...(before ?? [])];
  const changes: PaymentChange[] = [];
  const added: ReviewPayment[] = [];
  for (const payment of after ?? []) {
    const index = unmatched.findIndex((old) => conditionsKey(old) === conditionsKey(payment));
    if (index < 0) {
      added.push(payment);
      continue;
    }
    const [old] = unmatched.splice(index, 1);
    if (!sameMoney(old, payment)) {
      changes.push({
        label: conditionsLabel(payment),
        kind: "changed",
        before: old,
        after: payment,
      });
    }
  }
  // One payout in, one out: its conditions changed; any other mix is shown as added and removed.
  if (added.length === 1 && unmatched.length === 1) {
    const [old, payment] = [unmatched[0], added[0]];
    return [
      ...changes,
      {
        label: conditionsLabel(payment),
        previousLabel: conditionsLabel(old),
        kind: "changed",
        before: old,
        after: payment,
      },
    ];
  }
  return [
    ...changes,
    ...unmatched.map((old) => ({
      label: conditionsLabel(old),
      kind: "removed" as const,
      before: old,
    })),
    ...added.map((payment) => ({
      label: conditionsLabel(payment),
      kind: "added" as const,
      after: payment,
    })),
  ];
}

/** Advertiser's payout minus affiliate's: in the currency (fixed) or in points (percent). */
export function margin(payment: ReviewPayment): number | undefined {
  if (typeof payment.total !== "number" || typeof payment.revenue !== "number") return undefined;
  return round(payment.total - payment.revenue);
}

function sameMoney(a: ReviewPayment, b: ReviewPayment): boolean {
  return MONEY_FIELDS.every((field) => (a[field] ?? null) === (b[field] ?? null));
}

function sorted<T extends string | number>(list: T[] | undefined): T[] {
  return [...(list ?? [])].sort();
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
