import * as path from "node:path";
import { formatOfferFileError, loadOfferFiles } from "../../program/offers";

const fixtures = path.relative(process.cwd(), path.join(__dirname, "fixtures"));
const broken = path.join(fixtures, "broken");
const good = path.join(fixtures, "good");

function messagesFor(dir: string): string[] {
  return loadOfferFiles(dir).errors.map((error) =>
    formatOfferFileError(error).replace(`${dir}${path.sep}`, ""),
  );
}

describe("loadOfferFiles", () => {
  it("loads one offer per YAML file, named by the file or by its name: key", () => {
    const { offers, errors } = loadOfferFiles(good);
    expect(errors).toEqual([]);
    expect(offers.map(({ name, file }) => ({ name, file }))).toEqual([
      { name: "minimal", file: path.join(good, "minimal.yaml") },
      { name: "kept-name", file: path.join(good, "sub", "renamed.yml") },
    ]);
  });

  it("hands the offer on as written, without the name: key", () => {
    const renamed = loadOfferFiles(good).offers.find((offer) => offer.name === "kept-name");
    expect(renamed?.args).toEqual({
      title: "Renamed file",
      advertiser: "5e39279bac611cda7e5765ab",
      url: "https://example.com/renamed",
      payments: [
        { countries: ["de", "at"], total: "12.50", revenue: 8, currency: "EUR", type: "fixed" },
      ],
      partnerPayments: [
        { partners: [2, 7], total: 15, revenue: 10, currency: "EUR", type: "fixed" },
      ],
      deletePolicy: "stop",
    });
  });

  it("reports every problem in every file with its file, line, field path and what is allowed", () => {
    expect(messagesFor(broken)).toEqual([
      "alias-bomb.yaml: YAML: Excessive alias count indicates a resource exhaustion attack",
      "bad name.yaml: the file name gives the resource name \"bad name\", which must start with a letter or digit and hold only letters, digits, '.', '_', '-'; rename the file or set name:",
      'bad-payment.yaml:5 payments[0].countries[1]: is not an ISO 3166-1 alpha-2 country code (got "XX")',
      'bad-payment.yaml:8 payments[0].currency: must be a three-letter currency code, such as USD (got "US")',
      'bad-payment.yaml:9 payments[0].type: must be one of: fixed, percent, mixed, cpc, cpm, first_cpa, first_cps, baseline_onetime, baseline_accumulating (got "fixd")',
      "bad-payment.yaml:10 payments[1].currency: is required",
      'duplicate-key.yaml:3: "title" is written twice in the same mapping; keep one',
      "empty.yaml: is empty; an offer file holds one offer: title, advertiser, url, payments…",
      "internal-input.yaml:4 resourceName: unknown field; the Offer resource sets it itself",
      "list.yaml: is not a mapping of offer fields; an offer file holds one offer: title, advertiser, url, payments…",
      "name-invalid.yaml:1 name: must start with a letter or digit and hold only letters, digits, '.', '_', '-' (got \"two words\")",
      path.join("nested", "missing-payments.yaml") + " url: is required",
      path.join("nested", "missing-payments.yaml") +
        ":3 payments: an offer needs at least one payment (got [])",
      "partner-payment.yaml:7 partnerPayments[0].partners: must list at least one affiliate id (got [])",
      "partner-payment.yaml:13 partnerPayments[1].total: must be 100 or less for a percent payment (got 150)",
      "partner-payment.yaml:17 partnerPayments[1].partner: unknown field (did you mean partners?); allowed fields: title, countries, countryExclude, cities, devices, os, goal, total, revenue, currency, type, sub1, sub2, sub3, sub4, sub5, sub6, sub7, sub8, partners",
      "syntax-error.yaml:5: YAML syntax: Flow map in block collection must be sufficiently indented and end with a }",
      "syntax-error.yaml:5: YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ]",
      "two-documents.yaml:2: holds more than one YAML document (a second ---); declare one offer per file",
      "unknown-field.yaml title: is required",
      "unknown-field.yaml:1 titel: unknown field (did you mean title?); allowed fields: title, advertiser, url, payments, partnerPayments, externalOfferId, adoptId, deletePolicy, status, privacy, description, kpi, notes, tags, categories, urlPreview, trafficbackUrl, holdPeriod, holdType, startAt, stopDate, isTop, isCpi, caps, landings, targeting, enabledAffiliates, apiUrl, apiKey",
      "unknown-field.yaml:9 payments[0].country_exclude: unknown field (did you mean countryExclude?); allowed fields: title, countries, countryExclude, cities, devices, os, goal, total, revenue, currency, type, sub1, sub2, sub3, sub4, sub5, sub6, sub7, sub8",
      `valid-offer.yaml: resource name "valid-offer" is already used by ${path.join(broken, "explicit-name-clash.yaml")}; give each offer its own name (rename the file or set name:)`,
      'wrong-types.yaml:2 advertiser: must be an advertiser id (24 hexadecimal characters, from /3.0/admin/advertisers) (got "not-an-advertiser")',
      'wrong-types.yaml:3 url: must be an http:// or https:// URL (got "ftp://example.com/file")',
      'wrong-types.yaml:5 payments[0].countries: must be a list of country codes (got "RU")',
      'wrong-types.yaml:6 payments[0].countryExclude: must be true or false (got "yes")',
      'wrong-types.yaml:7 payments[0].total: must be a number 0 or more, such as 12.5 (got "ten")',
      "wrong-types.yaml:8 payments[0].revenue: must be 0 or more (got -1)",
      'wrong-types.yaml:11 payments[0].devices[1]: must be one of: mediahub, mobile, ereader, console, tv, tablet, desktop, smartwatch (got "fridge")',
    ]);
  });

  it("skips hidden files and files that are not YAML", () => {
    const files = loadOfferFiles(broken).errors.map((error) => path.basename(error.file));
    expect(files).not.toContain(".hidden.yaml");
    expect(files).not.toContain("notes.txt");
  });

  it("reports a missing folder instead of treating it as no offers", () => {
    const missing = path.join(fixtures, "no-such-folder");
    expect(loadOfferFiles(missing)).toEqual({
      offers: [],
      errors: [{ file: missing, path: "", message: `no such folder (${path.resolve(missing)})` }],
    });
  });

  it("accepts the repository's sample offers", () => {
    const { offers, errors } = loadOfferFiles("offers");
    expect(errors).toEqual([]);
    expect(offers.map((offer) => offer.name)).toEqual([
      "help-centre",
      "kitchen-sink",
      "app-install",
      "summer-sale",
    ]);
  });
});
