/** Whatever Affise echoes, the key does not come back out: in any case, URL- or base64-encoded. */
import { redact } from "../../provider/affise/errors";

const KEY = "Sentinel-Key-3b9f7c1d5e";

it.each([
  ["as sent", `bad key ${KEY}`],
  ["lower-cased", `bad key ${KEY.toLowerCase()}`],
  ["upper-cased", `BAD KEY ${KEY.toUpperCase()}`],
  ["URL-encoded", `key=${encodeURIComponent(`${KEY}/+`)}`],
  ["base64-encoded", `token ${Buffer.from(KEY).toString("base64")}`],
  ["base64 inside a header", `auth ${Buffer.from(`API-Key: ${KEY}`).toString("base64")}`],
  ["base64 at offset 1", `auth ${Buffer.from(`x${KEY}`).toString("base64")}`],
  ["base64 at offset 2", `auth ${Buffer.from(`xy${KEY}`).toString("base64")}`],
  ["URL-safe base64", `auth ${Buffer.from(`??${KEY}`).toString("base64url")}`],
])("removes the key echoed %s", (_label, text) => {
  const out = redact(text, [KEY]);
  expect(out).toContain("[redacted]");
  expect(out.toLowerCase()).not.toContain(KEY.toLowerCase());
  for (const offset of ["", "x", "xy"]) {
    const encoded = Buffer.from(offset + KEY).toString("base64");
    expect(out).not.toContain(encoded.slice(4, -4));
  }
});

it("leaves a message without the key alone", () => {
  expect(redact("title: must not be empty", [KEY])).toBe("title: must not be empty");
});
