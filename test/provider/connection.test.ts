import { applyStackConfig, resolveConnection } from "../../provider/connection";

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
    process.env.AFFISE_API_KEY = "env-key";
    expect(resolveConnection()).toMatchObject({ apiUrl: "https://env.example", apiKey: "env-key" });
    applyStackConfig(
      (key) => ({ "affise:apiUrl": "https://cfg.example/", "affise:maxConcurrency": "2" })[key],
    );
    expect(resolveConnection()).toMatchObject({
      apiUrl: "https://cfg.example",
      apiKey: "env-key",
      maxConcurrency: 2,
    });
  });

  it("rejects a non-numeric throttle setting by name", () => {
    process.env.AFFISE_API_URL = "https://env.example";
    process.env.AFFISE_API_KEY = "k";
    applyStackConfig((key) => (key === "affise:maxRequestsPerSecond" ? "fast" : undefined));
    expect(() => resolveConnection()).toThrow(
      /affise:maxRequestsPerSecond must be a positive number/,
    );
  });
});
