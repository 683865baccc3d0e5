import type { RunningEmulator } from "../../emulator";
import { createOffer, startTestEmulator, type Json, type TestClient } from "./helpers";

const OTHER_ADVERTISER = "573c69a33b7d9b0e638b4576";
const ALL_STATUSES = ["active", "stopped", "suspended"];

describe("listing offers (GET /3.0/offers)", () => {
  let emulator: RunningEmulator;
  let client: TestClient;
  let offers: Json[];

  beforeAll(async () => {
    ({ emulator, client } = await startTestEmulator());
    offers = [
      await createOffer(client, { title: "Alpha games", status: "active" }),
      await createOffer(client, {
        title: "Beta finance",
        status: "active",
        advertiser: OTHER_ADVERTISER,
      }),
      await createOffer(client, {
        title: "Gamma games",
        status: "stopped",
        external_offer_id: "ext-gamma",
      }),
      await createOffer(client, {
        title: "Delta",
        status: "suspended",
        advertiser: OTHER_ADVERTISER,
      }),
      await createOffer(client, {
        title: "Epsilon games",
        status: "active",
        external_offer_id: "ext-eps",
      }),
    ];
  });
  afterAll(() => emulator.close());

  const ids = (response: { json: Json }) => response.json.offers.map((offer: Json) => offer.id);
  const idsOf = (...indices: number[]) => indices.map((index) => offers[index].id);

  it("lists only active offers when no status is given", async () => {
    const response = await client.get("/3.0/offers");
    expect(response.status).toBe(200);
    expect(response.json.status).toBe(1);
    expect(ids(response)).toEqual(idsOf(0, 1, 4));
  });

  it("lists stopped and suspended offers only when asked with status[]", async () => {
    expect(ids(await client.get("/3.0/offers", { status: ["stopped"] }))).toEqual(idsOf(2));
    expect(ids(await client.get("/3.0/offers", { status: ALL_STATUSES }))).toEqual(
      idsOf(0, 1, 2, 3, 4),
    );
  });

  it("returns offers in the same read model as GET /3.0/offer/{id}", async () => {
    const response = await client.get("/3.0/offers", {
      int_id: [offers[2].id],
      status: ALL_STATUSES,
    });
    const single = await client.get(`/3.0/offer/${offers[2].id}`);
    expect(response.json.offers).toEqual([single.json.offer]);
  });

  it("searches titles and ids with q", async () => {
    expect(ids(await client.get("/3.0/offers", { q: "GAMES", status: ALL_STATUSES }))).toEqual(
      idsOf(0, 2, 4),
    );
    expect(
      ids(await client.get("/3.0/offers", { q: String(offers[3].id), status: ALL_STATUSES })),
    ).toEqual(idsOf(3));
  });

  it("filters by int_id[]", async () => {
    const response = await client.get("/3.0/offers", {
      int_id: [offers[1].id, offers[3].id],
      status: ALL_STATUSES,
    });
    expect(ids(response)).toEqual(idsOf(1, 3));
  });

  it("filters by advertiser[]", async () => {
    const response = await client.get("/3.0/offers", {
      advertiser: [OTHER_ADVERTISER],
      status: ALL_STATUSES,
    });
    expect(ids(response)).toEqual(idsOf(1, 3));
  });

  it("finds an offer by exact external_offer_id, across statuses when asked", async () => {
    expect(ids(await client.get("/3.0/offers", { external_offer_id: "ext-gamma" }))).toEqual([]);
    const all = await client.get("/3.0/offers", {
      external_offer_id: "ext-gamma",
      status: ALL_STATUSES,
    });
    expect(ids(all)).toEqual(idsOf(2));
    expect(
      ids(await client.get("/3.0/offers", { external_offer_id: "ext", status: ALL_STATUSES })),
    ).toEqual([]);
  });

  it("pages with page and limit and reports per_page, total_count, page and next_page", async () => {
    const first = await client.get("/3.0/offers", { status: ALL_STATUSES, limit: 2, page: 1 });
    expect(ids(first)).toEqual(idsOf(0, 1));
    expect(first.json.pagination).toEqual({ per_page: 2, total_count: 5, page: 1, next_page: 2 });
    const last = await client.get("/3.0/offers", { status: ALL_STATUSES, limit: 2, page: 3 });
    expect(ids(last)).toEqual(idsOf(4));
    // The last page has no next_page key at all, as in Affise's own answers.
    expect(last.json.pagination).toEqual({ per_page: 2, total_count: 5, page: 3 });
    const beyond = await client.get("/3.0/offers", { status: ALL_STATUSES, limit: 2, page: 4 });
    expect(ids(beyond)).toEqual([]);
  });

  it("uses 100 per page by default and caps limit at 500", async () => {
    expect((await client.get("/3.0/offers")).json.pagination.per_page).toBe(100);
    expect((await client.get("/3.0/offers", { limit: 1000 })).json.pagination.per_page).toBe(500);
  });

  it("sorts by sort[field]", async () => {
    const byTitle = await client.get("/3.0/offers", {
      status: ALL_STATUSES,
      sort: { title: "desc" },
    });
    expect(byTitle.json.offers.map((offer: Json) => offer.title)).toEqual([
      "Gamma games",
      "Epsilon games",
      "Delta",
      "Beta finance",
      "Alpha games",
    ]);
    expect(
      ids(await client.get("/3.0/offers", { status: ALL_STATUSES, sort: { id: "desc" } })),
    ).toEqual(idsOf(4, 3, 2, 1, 0));
  });

  it("filters by privacy[] codes (0 public, 1 protected, 2 private)", async () => {
    await client.post("/3.0/admin/offer/mass-update", {
      offer_id: [offers[4].id],
      privacy: "private",
    });
    expect(ids(await client.get("/3.0/offers", { privacy: ["2"], status: ALL_STATUSES }))).toEqual(
      idsOf(4),
    );
    await client.post("/3.0/admin/offer/mass-update", {
      offer_id: [offers[4].id],
      privacy: "public",
    });
  });

  it.each([
    [
      "an unknown status",
      { status: ["paused"] },
      "status[0]: must be one of active, stopped, suspended",
    ],
    ["a page that is not a number", { page: "x" }, "page: must be an integer"],
    ["a limit of zero", { limit: 0 }, "limit: must be at least 1"],
    ["an int_id that is not an integer", { int_id: ["abc"] }, "int_id[0]: must be an integer"],
    ["an unknown sort field", { sort: { colour: "asc" } }, "sort: cannot sort by 'colour'"],
  ])("refuses %s with 400", async (_name, query, message) => {
    const response = await client.get("/3.0/offers", query);
    expect(response.status).toBe(400);
    expect(response.json).toEqual({ status: 2, error: expect.stringContaining(message) });
  });

  it("counts active offers at /3.0/offers/count", async () => {
    const response = await client.get("/3.0/offers/count");
    expect(response.json).toEqual({ status: 1, count: 3 });
  });
});
