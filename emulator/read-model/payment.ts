import type { StoredPartnerPayment, StoredPayment } from "../model";
import { findCity } from "../reference/cities";

/** A payment as Affise returns it: lower-case codes, booleans, city objects, numbers. */
export function paymentReadModel(payment: StoredPayment): Record<string, unknown> {
  return {
    id: payment.id,
    title: payment.title,
    countries: payment.countries.map((code) => code.toLowerCase()),
    country_exclude: payment.countryExclude,
    cities: payment.cities.map((id) => findCity(id) ?? { id }),
    devices: [...payment.devices],
    os: [...payment.os],
    goal: payment.goal,
    total: payment.total,
    revenue: payment.revenue,
    currency: payment.currency.toLowerCase(),
    type: payment.type,
    with_regions: false,
    url: null,
    ...payment.extras,
    ...(payment.baselineValue === null ? {} : { baseline_value: payment.baselineValue }),
  };
}

export function partnerPaymentReadModel(payment: StoredPartnerPayment): Record<string, unknown> {
  return { ...paymentReadModel(payment), partners: [...payment.partners] };
}
