import type { RunningEmulator } from "../../emulator";
import { createOffer, startTestEmulator, type TestClient } from "./helpers";

describe("targeting groups", () => {
  let emulator: RunningEmulator;
  let client: TestClient;

  beforeAll(async () => {
    ({ emulator, client } = await startTestEmulator());
  });
  afterAll(() => emulator.close());

  const group = {
    name: "Mobile US",
    condition: "and",
    country: { allow: ["US", "CA"], deny: ["MX"] },
    os: { allow: [{ name: "Android", comparison: "GTE", version: "10" }, { name: "iOS" }] },
    device_type: ["mobile", "tablet"],
    connection: ["wi-fi"],
    connection_deny: "1",
  };

  it("reads a group back in Affise's full shape, with a UUID", async () => {
    const offer = await createOffer(client, { targeting: [group] });
    expect(offer.targeting).toHaveLength(1);
    expect(offer.targeting[0]).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: "Mobile US",
      condition: "and",
      enabled: true,
      country: { allow: ["US", "CA"], deny: ["MX"] },
      os: {
        allow: [
          { name: "Android", comparison: "GTE", version: "10" },
          { name: "iOS", comparison: "", version: "" },
        ],
        deny: [],
      },
      os_deny: false,
      device_type: ["mobile", "tablet"],
      device_type_deny: false,
      connection: ["wi-fi"],
      connection_deny: true,
      region: { allow: {}, deny: {} },
      sub: { allow: {}, deny: {}, deny_groups: [] },
      block_proxy: false,
    });
  });

  it("keeps a group's id when resent and gives other groups new ids", async () => {
    const offer = await createOffer(client, { targeting: [group] });
    const id = offer.targeting[0].id;
    const edited = await client.post(`/3.0/admin/offer/${offer.id}`, {
      targeting: [
        { ...group, id, name: "Renamed" },
        { country: { allow: ["DE"] }, os_deny: "1", os: { allow: [{ name: "Windows" }] } },
      ],
    });
    const [kept, added] = edited.json.offer.targeting;
    expect(kept).toMatchObject({ id, name: "Renamed" });
    expect(added.id).not.toBe(id);
    expect(added).toMatchObject({ os_deny: true, country: { allow: ["DE"], deny: [] } });
  });

  it("leaves targeting alone when an edit does not mention it, and clears it with targeting=", async () => {
    const offer = await createOffer(client, { targeting: [group] });
    const untouched = await client.post(`/3.0/admin/offer/${offer.id}`, { title: "Other" });
    expect(untouched.json.offer.targeting).toEqual(offer.targeting);
    const cleared = await client.post(`/3.0/admin/offer/${offer.id}`, "targeting=");
    expect(cleared.json.offer.targeting).toEqual([]);
  });

  it("accepts the bracket form from the spec, targeting[0][country][allow][]=US", async () => {
    const offer = await createOffer(client);
    const response = await client.post(
      `/3.0/admin/offer/${offer.id}`,
      "targeting[0][country][allow][]=US&targeting[0][os][allow][0][name]=Android&targeting[0][os][allow][0][comparison]=GTE&targeting[0][os][allow][0][version]=6.0.0",
    );
    expect(response.json.offer.targeting[0]).toMatchObject({
      country: { allow: ["US"] },
      os: { allow: [{ name: "Android", comparison: "GTE", version: "6.0.0" }] },
    });
  });

  it.each([
    [
      "an unknown country",
      { country: { allow: ["XX"] } },
      "targeting[0].country.allow[0]: unknown country code 'XX'",
    ],
    [
      "an unknown OS",
      { os: { allow: [{ name: "Amiga" }] } },
      "targeting[0].os.allow[0].name: must be one of",
    ],
    [
      "an unknown comparison",
      { os: { allow: [{ name: "iOS", comparison: "NE", version: "1" }] } },
      "comparison: must be one of LT, LTE, EQ, GT, GTE",
    ],
    [
      "a comparison without a version",
      { os: { allow: [{ name: "iOS", comparison: "GT" }] } },
      "comparison and version go together",
    ],
    [
      "an unknown device type",
      { device_type: ["fridge"] },
      "targeting[0].device_type[0]: must be one of",
    ],
    [
      "an unknown connection type",
      { connection: ["other"] },
      "targeting[0].connection[0]: must be one of wi-fi, cellular",
    ],
    [
      "an unknown condition",
      { condition: "xor" },
      "targeting[0].condition: must be one of and, or",
    ],
  ])("refuses a group with %s", async (_name, fields, message) => {
    const offer = await createOffer(client);
    const response = await client.post(`/3.0/admin/offer/${offer.id}`, { targeting: [fields] });
    expect(response.status).toBe(400);
    expect(response.json.error).toContain(message);
  });
});
