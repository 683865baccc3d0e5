import * as fs from "node:fs";
import * as path from "node:path";
import Ajv from "ajv";
import { parse } from "yaml";
import { generatedFiles, JSON_SCHEMA_FILE, offerJsonSchema } from "../../scripts/offer-schema";
import { ROOT } from "./built";

const fixtures = path.join(ROOT, "test", "program", "fixtures");

function yamlFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => /\.ya?ml$/.test(file) && !path.basename(file).startsWith("."))
    .map((file) => path.join(dir, file));
}

describe("the offer JSON Schema (schema/offer.schema.json)", () => {
  it("is what `npm run schema` generates from the offer schema (run it if this fails)", () => {
    const files = generatedFiles();
    expect(files.map(({ file }) => file)).toContain(JSON_SCHEMA_FILE);
    for (const { file, content } of files) {
      expect({ file, content: fs.readFileSync(path.join(ROOT, file), "utf8") }).toEqual({
        file,
        content,
      });
    }
  });

  const validate = new Ajv({ allErrors: true }).compile(offerJsonSchema());

  it.each([...yamlFiles(path.join(ROOT, "offers")), ...yamlFiles(path.join(fixtures, "good"))])(
    "lets editors accept %s, name: key included",
    (file) => {
      expect(validate(parse(fs.readFileSync(file, "utf8")))).toBe(true);
    },
  );

  it.each([
    ["unknown-field.yaml", "titel"],
    ["wrong-types.yaml", "/payments/0/countryExclude"],
    ["bad-payment.yaml", "/payments/0/type"],
    ["partner-payment.yaml", "/partnerPayments/0/partners"],
    ["internal-input.yaml", "resourceName"],
  ])("lets editors flag %s at %s", (file, where) => {
    const offer = parse(fs.readFileSync(path.join(fixtures, "broken", file), "utf8"));
    expect(validate(offer)).toBe(false);
    expect(JSON.stringify(validate.errors)).toContain(where);
  });
});
