import { canonicalApiUrl, sameTenant } from "../../provider/affise/tenant-url";

describe("canonicalApiUrl", () => {
  it.each([
    ["HTTP://127.0.0.1:4010/", "http://127.0.0.1:4010"],
    ["https://API-Acme.Affise.com:443//", "https://api-acme.affise.com"],
    ["http://api.test:80", "http://api.test"],
    [" https://api.test/base/ ", "https://api.test/base"],
    ["https://user:secret@api.test", "https://api.test"],
  ])("%s → %s", (raw, canonical) => {
    expect(canonicalApiUrl(raw)).toBe(canonical);
  });

  it("keeps different host names, ports, schemes and path case apart", () => {
    expect(sameTenant("http://localhost:4010", "http://127.0.0.1:4010")).toBe(false);
    expect(sameTenant("http://api.test:8080", "http://api.test")).toBe(false);
    expect(sameTenant("http://api.test", "https://api.test")).toBe(false);
    expect(sameTenant("https://api.test/A", "https://api.test/a")).toBe(false);
    expect(sameTenant("HTTPS://API.test/", "https://api.test")).toBe(true);
  });
});
