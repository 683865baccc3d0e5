/** URLs judged as written: what a parser would quietly clean is refused, with the reason. */
import { urlProblem, withoutCredentials } from "../../provider/url-rules";

it.each([
  ["a line feed", "https://t.test/c?id=1\nLocation: https://evil.test", /line breaks/],
  ["a carriage return", "https://t.test/c\r", /line breaks/],
  ["a tab", "https://t.test/\tc", /line breaks, tabs/],
  ["a NUL", "https://t.test/c\u0000", /control characters/],
  ["a space", "https://t.test/c d", /spaces/],
  ["a leading space", " https://t.test/c", /spaces/],
  ["a no-break space", "https://t.test/c\u00a0d", /spaces/],
  ["a zero-width space", "https://t.test/c\u200bd", /invisible/],
  ["a backslash", "https://t.test\\c", /backslash/],
  ["no slashes", "http:t.test/c", /http:\/\/ or https:\/\//],
  ["one slash", "https:/t.test/c", /http:\/\/ or https:\/\//],
  ["three slashes", "https:///t.test/c", /must name a host right after https:\/\//],
  ["a bad port", "https://t.test:99999/c", /host or port is not valid/],
  ["ftp", "ftp://t.test/c", /http:\/\/ or https:\/\//],
])("refuses a URL with %s", (_label, url, reason) => {
  expect(urlProblem(url)).toMatch(reason);
});

it.each([
  "https://t.test/c?id={clickid}&sub={sub1}",
  "HTTP://T.TEST/c",
  "https://t.test:8443/path/%20x?q=a%0Ab#frag",
  "https://user@t.test/c",
])("accepts %s", (url) => {
  expect(urlProblem(url)).toBeUndefined();
});

it("refuses credentials where they are not wanted, without repeating them", () => {
  const problem = urlProblem("https://me:s3cret-pass@api.test", { credentials: false });
  expect(problem).toMatch(/user name or password/);
  expect(problem).not.toContain("s3cret");
});

it("strips a user name and password from a URL before it is stored or printed", () => {
  expect(withoutCredentials("https://me:s3cret@api.test/x")).toBe("https://api.test/x");
  expect(withoutCredentials("https://api.test/x?a=b@c")).toBe("https://api.test/x?a=b@c");
});
