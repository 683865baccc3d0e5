import type { StoredPartnerPayment, StoredPayment } from "../model";
import { findCity } from "../reference/cities";
import type { CodeCase } from "../types";

/** A payment as Affise returns it: codes in the tenant's case, booleans, city objects, numbers. */
export function paymentReadModel(
  payment: StoredPayment,
  codeCase: CodeCase,
): Record<string, unknown> {
  const code = (text: string) => (codeCase === "lower" ? text.toLowerCase() : text);
  return {
    id: payment.id,
    title: payment.title,
    countries: payment.countries.map(code),
    country_exclude: payment.countryExclude,
    cities: payment.cities.map((id) => findCity(id) ?? { id }),
    devices: [...payment.devices],
    os: [...payment.os],
    goal: payment.goal,
    total: payment.total,
    revenue: payment.revenue,
    currency: code(payment.currency),
    type: payment.type,
    with_regions: false,
    url: null,
    ...payment.extras,
    ...(payment.baselineValue === null ? {} : { baseline_value: payment.baselineValue }),
  };
}

export function partnerPaymentReadModel(
  payment: StoredPartnerPayment,
  codeCase: CodeCase,
): Record<string, unknown> {
  return { ...paymentReadModel(payment, codeCase), partners: [...payment.partners] };
}
