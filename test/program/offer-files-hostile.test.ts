/**
 * Offer folders as a careless or hostile pull request leaves them: links that lead nowhere, bytes
 * that are not UTF-8, numbers YAML cannot hold, nesting past any stack, keys that would break a
 * line. Each is an error with its file (and line and path where there is one), never a crash and
 * never a file silently skipped.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { formatOfferFileError, loadOfferFiles } from "../../program/offers";

const OFFER = [
  "title: T",
  'advertiser: "5e39279bac611cda7e5765ab"',
  "url: https://t.test/c",
  "payments:",
  "  - { total: 2, revenue: 1, currency: USD, type: fixed }",
  "",
].join("\n");

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "offers-hostile-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const write = (name: string, text: string | Buffer) => fs.writeFileSync(path.join(dir, name), text);
const messages = () =>
  loadOfferFiles(dir).errors.map((e) => formatOfferFileError(e).replace(`${dir}${path.sep}`, ""));

it("reports a symbolic link loop instead of crashing", () => {
  write("good.yaml", OFFER);
  fs.symlinkSync("b.yaml", path.join(dir, "a.yaml"));
  fs.symlinkSync("a.yaml", path.join(dir, "b.yaml"));
  expect(messages()).toEqual([
    "a.yaml: is a symbolic link in a loop (it leads back to itself); point it at a real file or folder, or remove it",
    "b.yaml: is a symbolic link in a loop (it leads back to itself); point it at a real file or folder, or remove it",
  ]);
});

it("reports a dangling symbolic link: skipping it would delete its offer on the next up", () => {
  write("good.yaml", OFFER);
  fs.symlinkSync("../elsewhere/vip.yaml", path.join(dir, "vip.yaml"));
  expect(messages()).toEqual([
    "vip.yaml: is a symbolic link to ../elsewhere/vip.yaml, which does not exist; restore it or remove the link (skipping it would delete its offer on the next up)",
  ]);
});

it("reads a folder linked to its parent once, without looping", () => {
  write("good.yaml", OFFER);
  fs.symlinkSync(".", path.join(dir, "again"));
  const { offers, errors } = loadOfferFiles(dir);
  expect(errors).toEqual([]);
  expect(offers.map((o) => o.name)).toEqual(["good"]);
});

it("refuses a Latin-1 file instead of reading it as Caf\ufffd Cr\ufffdme", () => {
  write(
    "cafe.yaml",
    Buffer.concat([Buffer.from(OFFER), Buffer.from("notes: Caf\xe9 Cr\xe8me\n", "latin1")]),
  );
  expect(messages()).toEqual([
    "cafe.yaml:6: is not UTF-8 text (byte 148 is 0xe9, as in Latin-1 or Windows-1252); save it as UTF-8",
  ]);
});

it("supports YAML merge keys (<<: *base)", () => {
  write(
    "merged.yaml",
    [
      "title: Merged",
      'advertiser: "5e39279bac611cda7e5765ab"',
      "url: https://t.test/c",
      "payments:",
      "  - &base { total: 2, revenue: 1, currency: USD, type: fixed, countries: [DE] }",
      "  - <<: *base",
      "    countries: [AT]",
      "",
    ].join("\n"),
  );
  const { offers, errors } = loadOfferFiles(dir);
  expect(errors).toEqual([]);
  expect(offers[0].args.payments).toEqual([
    { total: 2, revenue: 1, currency: "USD", type: "fixed", countries: ["DE"] },
    { total: 2, revenue: 1, currency: "USD", type: "fixed", countries: ["AT"] },
  ]);
});

it("asks to quote a 24-digit advertiser id written as a number", () => {
  write("digits.yaml", OFFER.replace('"5e39279bac611cda7e5765ab"', "123456789012345678901234"));
  expect(messages()).toEqual([
    `digits.yaml:2 advertiser: is a 24-digit number, too long to be kept exactly (it would become ${Number("123456789012345678901234")}); write it in quotes, "123456789012345678901234"`,
  ]);
});

it("refuses an id that would lose digits as a number, with a hint", () => {
  write(
    "partners.yaml",
    `${OFFER}partnerPayments:\n  - { partners: [7, 12345678901234567890], total: 2, revenue: 1, currency: USD, type: fixed }\n`,
  );
  expect(messages()).toEqual([
    'partners.yaml:7 partnerPayments[0].partners[1]: is a 20-digit number, too long to be kept exactly (it would become 12345678901234567000); write it in quotes, "12345678901234567890"',
  ]);
});

it.each([
  ["flow", `${OFFER}description: ${"[".repeat(5000)}${"]".repeat(5000)}\n`],
  [
    "block",
    `${OFFER}description:\n${Array.from({ length: 5000 }, (_, i) => `${"  ".repeat(i + 1)}a:`).join("\n")}\n`,
  ],
])("says a file nested 5,000 deep (%s) is too deep, without a stack overflow", (_style, text) => {
  write("deep.yaml", text);
  const found = messages();
  expect(found).toHaveLength(1);
  expect(found[0]).toMatch(/^deep\.yaml(:\d+)?.*(nested too deeply|nests deeper than 32 levels)/);
  expect(found[0]).not.toMatch(/call stack/i);
});

it("keeps every problem on one line, even a key with line breaks in it", () => {
  write("forged.yaml", `${OFFER}"x\\n::warning file=README.md,line=1::forged\\r\\n": 1\n`);
  const [line, ...rest] = messages();
  expect(rest).toEqual([]);
  expect(line).not.toMatch(/[\r\n]/);
  expect(line).toContain('["x\\n::warning file=README.md,line=1::forged\\r\\n"]: unknown field');
});
