/** A currency the tenant knows, in the shape of `/3.0/admin/currency?extended=1`. */
export interface Currency {
  id: number;
  code: string;
  active: boolean;
  isDefault: boolean;
  rate: number;
  minPayment: number;
  isCrypto: boolean | null;
}

// A tenant enables a subset of ECB codes; BYR and VEF are kept known-but-inactive so that
// validation can tell "unknown currency" from "currency not active", as Affise does.
export const CURRENCIES: readonly Currency[] = [
  {
    id: 1,
    code: "RUB",
    active: true,
    isDefault: false,
    rate: 59.312599,
    minPayment: 1000,
    isCrypto: null,
  },
  { id: 2, code: "USD", active: true, isDefault: true, rate: 1, minPayment: 20, isCrypto: null },
  {
    id: 3,
    code: "EUR",
    active: true,
    isDefault: false,
    rate: 0.92,
    minPayment: 20,
    isCrypto: null,
  },
  {
    id: 4,
    code: "GBP",
    active: true,
    isDefault: false,
    rate: 0.79,
    minPayment: 20,
    isCrypto: null,
  },
  {
    id: 5,
    code: "KZT",
    active: true,
    isDefault: false,
    rate: 447.5,
    minPayment: 9000,
    isCrypto: null,
  },
  {
    id: 6,
    code: "UAH",
    active: true,
    isDefault: false,
    rate: 36.9,
    minPayment: 700,
    isCrypto: null,
  },
  {
    id: 7,
    code: "BRL",
    active: true,
    isDefault: false,
    rate: 4.97,
    minPayment: 100,
    isCrypto: null,
  },
  {
    id: 8,
    code: "INR",
    active: true,
    isDefault: false,
    rate: 83.1,
    minPayment: 1600,
    isCrypto: null,
  },
  {
    id: 9,
    code: "CNY",
    active: true,
    isDefault: false,
    rate: 7.19,
    minPayment: 140,
    isCrypto: null,
  },
  {
    id: 10,
    code: "JPY",
    active: true,
    isDefault: false,
    rate: 149.6,
    minPayment: 3000,
    isCrypto: null,
  },
  {
    id: 11,
    code: "TRY",
    active: true,
    isDefault: false,
    rate: 28.8,
    minPayment: 600,
    isCrypto: null,
  },
  {
    id: 12,
    code: "AED",
    active: true,
    isDefault: false,
    rate: 3.672497,
    minPayment: 80,
    isCrypto: null,
  },
  { id: 13, code: "USDT", active: true, isDefault: false, rate: 1, minPayment: 20, isCrypto: true },
  {
    id: 14,
    code: "BYR",
    active: false,
    isDefault: false,
    rate: 20000,
    minPayment: 0,
    isCrypto: null,
  },
  {
    id: 15,
    code: "VEF",
    active: false,
    isDefault: false,
    rate: 9.98,
    minPayment: 0,
    isCrypto: null,
  },
];

export function findCurrency(code: string): Currency | undefined {
  const wanted = code.toUpperCase();
  return CURRENCIES.find((currency) => currency.code === wanted);
}
