/** A city as Affise returns it inside a payment's `cities` and from `/3.1/cities`. */
export interface City {
  country_code: string;
  id: number;
  name: string;
  region_code: string;
}

// A small seed: Affise's real table has every city; unknown ids are rejected either way.
export const CITIES: readonly City[] = [
  { country_code: "RU", id: 524901, name: "Moscow", region_code: "Moscow" },
  { country_code: "RU", id: 498817, name: "Saint Petersburg", region_code: "Saint Petersburg" },
  { country_code: "RU", id: 1496747, name: "Novosibirsk", region_code: "Novosibirsk Oblast" },
  { country_code: "US", id: 5128581, name: "New York City", region_code: "New York" },
  { country_code: "US", id: 5368361, name: "Los Angeles", region_code: "California" },
  { country_code: "US", id: 4887398, name: "Chicago", region_code: "Illinois" },
  { country_code: "KZ", id: 563497, name: "Maksut", region_code: "Qostanay Oblysy" },
  { country_code: "KZ", id: 1526384, name: "Almaty", region_code: "Almaty Qalasy" },
  { country_code: "DE", id: 79729, name: "Thallichtenberg", region_code: "Rheinland-Pfalz" },
  { country_code: "DE", id: 40034, name: "Sindelfingen", region_code: "Baden-Wurttemberg" },
  { country_code: "DE", id: 2950159, name: "Berlin", region_code: "Berlin" },
];

export function findCity(id: number): City | undefined {
  return CITIES.find((city) => city.id === id);
}
