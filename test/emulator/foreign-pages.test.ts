import type { RunningEmulator } from "../../emulator";
import { API_KEY, startTestEmulator } from "./helpers";

describe("foreignNotFound: 404s that are not Affise's answer", () => {
  let emulator: RunningEmulator;
  beforeEach(async () => {
    ({ emulator } = await startTestEmulator());
  });
  afterEach(() => emulator.close());

  const get = (path: string) =>
    fetch(`${emulator.url}${path}`, { headers: { "API-Key": API_KEY } });

  it.each([
    ["html", "text/html", /<title>404 Not Found<\/title>/],
    ["text", "text/plain", /^404 Page Not Found$/],
    ["json", "application/json", /^\{"detail":"Not Found"\}$/],
  ] as const)(
    "answers %s for paths under the prefix only, and logs it",
    async (style, type, body) => {
      emulator.setFaults({ foreignNotFound: { pathPrefix: "/3.0/offer/", style } });
      const answer = await get("/3.0/offer/1");
      expect(answer.status).toBe(404);
      expect(answer.headers.get("content-type")).toContain(type);
      expect(await answer.text()).toMatch(body);
      expect((await get("/3.1/devices")).status).toBe(200);
      expect(emulator.requests().map((r) => `${r.path} ${r.status}`)).toEqual([
        "/3.0/offer/1 404",
        "/3.1/devices 200",
      ]);
    },
  );

  it("refuses a setting without a path prefix or with an unknown style", () => {
    expect(() =>
      emulator.setFaults({ foreignNotFound: { pathPrefix: "3.0", style: "html" } }),
    ).toThrow("foreignNotFound");
    expect(() =>
      emulator.setFaults({
        foreignNotFound: { pathPrefix: "/3.0", style: "xml" as unknown as "html" },
      }),
    ).toThrow("foreignNotFound");
    expect(emulator.faults().foreignNotFound).toBeNull();
  });
});
