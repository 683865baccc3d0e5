import { applyStackConfig, resolveConnection } from "../../provider/affise/connection";

describe("connection settings", () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
    applyStackConfig(() => undefined);
  });

  it("says which key to set, and how, when the URL is missing", () => {
    delete process.env.AFFISE_API_URL;
    expect(() => resolveConnection()).toThrow(/pulumi config set affise:apiUrl .* AFFISE_API_URL/);
  });

  it("says to set the key as a secret when it is missing", () => {
    process.env.AFFISE_API_URL = "https://api-demo.affise.com";
    delete process.env.AFFISE_API_KEY;
    expect(() => resolveConnection()).toThrow(/pulumi config set --secret affise:apiKey/);
  });

  it("prefers stack config to the environment, read at call time", () => {
    process.env.AFFISE_API_URL = "https://env.example";
    process.env.AFFISE_API_KEY = "env-key-5f0c2a";
    expect(resolveConnection()).toMatchObject({
      apiUrl: "https://env.example",
      apiKey: "env-key-5f0c2a",
    });
    applyStackConfig(
      (key) => ({ "affise:apiUrl": "https://cfg.example/", "affise:maxConcurrency": "2" })[key],
    );
    expect(resolveConnection()).toMatchObject({
      apiUrl: "https://cfg.example",
      apiKey: "env-key-5f0c2a",
      maxConcurrency: 2,
    });
  });

  it("rejects a non-numeric throttle setting by name", () => {
    process.env.AFFISE_API_URL = "https://env.example";
    process.env.AFFISE_API_KEY = "env-key-5f0c2a";
    applyStackConfig((key) => (key === "affise:maxRequestsPerSecond" ? "fast" : undefined));
    expect(() => resolveConnection()).toThrow(
      /affise:maxRequestsPerSecond must be a positive number/,
    );
  });

  const KEY = "sentinel-connection-key-71d0";

  it("never repeats a config value: swapped apiUrl and apiKey do not print the key", () => {
    applyStackConfig(
      (key) => ({ "affise:apiUrl": KEY, "affise:apiKey": "https://api-x.affise.com" })[key],
    );
    expect(() => resolveConnection()).toThrow(/affise:apiUrl must be an http/);
    try {
      resolveConnection();
    } catch (error) {
      expect((error as Error).message).not.toContain(KEY);
      expect((error as Error).stack).not.toContain(KEY);
    }
  });

  it.each([
    ["a password", `https://user:${KEY}@api-x.affise.com`, /user name or password/],
    ["a line break", `https://api-x.affise.com/\r\n${KEY}`, /line breaks/],
    ["no host", `https:///${KEY}`, /must name a host/],
    ["no slashes", `https:${KEY}`, /http:\/\/ or https:\/\//],
  ])("refuses an apiUrl with %s, without repeating it", (_label, apiUrl, reason) => {
    applyStackConfig(
      (key) => ({ "affise:apiUrl": apiUrl, "affise:apiKey": "a-long-enough-key" })[key],
    );
    expect(() => resolveConnection()).toThrow(reason);
    expect(() => resolveConnection()).not.toThrow(new RegExp(KEY));
  });

  it("refuses a key too short to be an Affise key (or to be redacted), without repeating it", () => {
    applyStackConfig(
      (key) => ({ "affise:apiUrl": "https://api-x.affise.com", "affise:apiKey": "k3y" })[key],
    );
    expect(() => resolveConnection()).toThrow(/affise:apiKey is shorter than 8 characters/);
    expect(() => resolveConnection()).not.toThrow(/k3y/);
  });

  it("does not repeat a bad numeric setting either", () => {
    process.env.AFFISE_API_URL = "https://env.example";
    process.env.AFFISE_API_KEY = "env-key-5f0c2a";
    applyStackConfig((key) => (key === "affise:timeoutMs" ? KEY : undefined));
    expect(() => resolveConnection()).toThrow(/affise:timeoutMs must be a positive number\.$/);
  });
});
