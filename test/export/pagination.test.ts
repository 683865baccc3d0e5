/**
 * Listing an account page by page when Affise's pagination block is not to be trusted: the last
 * page may come without `next_page` (or with null), and `total_count` may be missing. A short page,
 * an empty page or reaching total_count ends the listing; no page is asked for twice.
 */
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as os from "node:os";
import * as fs from "node:fs";
import * as path from "node:path";
import { AffiseClient } from "../../provider/affise/client";
import { resolveConnection } from "../../provider/affise/connection";
import { exportOffers } from "../../scripts/export/export-offers";

type Pagination = (page: number, perPage: number, total: number) => Record<string, unknown>;

/** An Affise-shaped admin offer, as `GET /3.0/offers` lists it. */
function offer(id: number) {
  return {
    id,
    offer_id: id.toString(16).padStart(24, "0"),
    title: `Offer ${id}`,
    advertiser: "5e39279bac611cda7e5765ab",
    url: `https://example.test/${id}`,
    status: "active",
    privacy: "public",
    payments: [{ countries: ["de"], total: "2.00", revenue: 1, currency: "eur", type: "fixed" }],
    partner_payments: [],
  };
}

async function listWith(total: number, perPage: number, pagination: Pagination) {
  const pages: number[] = [];
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    const page = Number(url.searchParams.get("page"));
    pages.push(page);
    const start = (page - 1) * perPage;
    const items = Array.from({ length: Math.max(0, Math.min(perPage, total - start)) }, (_, i) =>
      offer(start + i + 1),
    );
    response.setHeader("Content-Type", "application/json");
    response.end(
      JSON.stringify({ status: 1, offers: items, pagination: pagination(page, perPage, total) }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "pages-"));
  try {
    const apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const client = new AffiseClient({
      ...resolveConnection({ apiUrl, apiKey: "pagination-key" }),
      maxRetries: 0,
    });
    const summary = await exportOffers(client, { outDir: out, pageSize: perPage });
    return { pages, summary, files: fs.readdirSync(out).length };
  } finally {
    server.close();
    fs.rmSync(out, { recursive: true, force: true });
  }
}

it("stops on a short last page that has no next_page and no total_count", async () => {
  const result = await listWith(5, 2, (page, perPage) => ({ page, per_page: perPage }));
  expect(result.pages).toEqual([1, 2, 3]);
  expect(result.files).toBe(5);
});

it("stops on an empty page when the last page is full and nothing says it is the last", async () => {
  const result = await listWith(4, 2, (page, perPage) => ({ page, per_page: perPage }));
  expect(result.pages).toEqual([1, 2, 3]);
  expect(result.files).toBe(4);
});

it("stops at total_count, whatever next_page says", async () => {
  const result = await listWith(4, 2, (page, perPage, total) => ({
    page,
    per_page: perPage,
    total_count: total,
    next_page: page + 1,
  }));
  expect(result.pages).toEqual([1, 2]);
  expect(result.summary).toMatchObject({ listed: 4, totalCount: 4, failed: [] });
});

it("follows next_page while it points forward", async () => {
  const result = await listWith(6, 2, (page, perPage) => ({
    page,
    per_page: perPage,
    next_page: page < 3 ? page + 1 : null,
  }));
  expect(result.pages).toEqual([1, 2, 3, 4]);
  expect(result.files).toBe(6);
});
