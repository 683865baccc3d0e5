/** A seeded advertiser; offers may only name one of these. */
export interface Advertiser {
  id: string;
  title: string;
  contact: string | null;
  email: string;
  url: string | null;
  country: string;
  city: string;
  created_at: string;
}

export const ADVERTISERS: readonly Advertiser[] = [
  {
    id: "5e39279bac611cda7e5765ab",
    title: "Help Centre Advertiser",
    contact: "Jane Roe",
    email: "adv-help@example.com",
    url: "https://advertiser.example.com",
    country: "US",
    city: "New York",
    created_at: "2020-02-04 08:12:11",
  },
  {
    id: "573c69a33b7d9b0e638b4576",
    title: "Test supplier",
    contact: "John Doe",
    email: "adv@example.com",
    url: null,
    country: "US",
    city: "Los Angeles",
    created_at: "2016-05-18 12:00:03",
  },
  {
    id: "63ef8f56d05af8acc266ae09",
    title: "Market Inc",
    contact: "Samuel",
    email: "market@example.com",
    url: "http://example.com",
    country: "DE",
    city: "Berlin",
    created_at: "2023-02-17 18:29:42",
  },
];

export function findAdvertiser(id: string): Advertiser | undefined {
  return ADVERTISERS.find((advertiser) => advertiser.id === id);
}
