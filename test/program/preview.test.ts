/**
 * A preview shows the difference between the checked inputs in state and the checked inputs of
 * the new files. These tests pin what docs/offers-repo.md promises a reviewer will see.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { loadOfferFiles } from "../../program/offers";
import { checkOffer } from "../../provider/check";

const samples = path.resolve(__dirname, "..", "..", "offers");

/** The offer in a sample file, after `edit` is applied to its text: as written, and as checked. */
function load(file: string, edit: (yaml: string) => string = (yaml) => yaml) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "preview-"));
  try {
    fs.writeFileSync(path.join(dir, "offer.yaml"), edit(fs.readFileSync(file, "utf8")));
    const { offers, errors } = loadOfferFiles(dir);
    expect(errors).toEqual([]);
    const { inputs, failures } = checkOffer({ ...offers[0].args });
    expect(failures).toEqual([]);
    return { written: offers[0].args, checked: inputs };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Every leaf that differs, as `path: before => after`: what `pulumi preview --diff` lists. */
function changes(before: unknown, after: unknown, at = ""): string[] {
  if (
    typeof before === "object" &&
    before !== null &&
    typeof after === "object" &&
    after !== null
  ) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    return [...keys].flatMap((key) =>
      changes(
        (before as Record<string, unknown>)[key],
        (after as Record<string, unknown>)[key],
        Array.isArray(before) ? `${at}[${key}]` : at ? `${at}.${key}` : key,
      ),
    );
  }
  return JSON.stringify(before) === JSON.stringify(after)
    ? []
    : [`${at}: ${JSON.stringify(before)} => ${JSON.stringify(after)}`];
}

describe("what a preview shows", () => {
  const helpCentre = path.join(samples, "help-centre.yaml");
  const appInstall = path.join(samples, "mobile", "app-install.yaml");

  it("shows a raised revenue as that one field of that one payment", () => {
    const raised = load(helpCentre, (yaml) => yaml.replace("revenue: 50", "revenue: 55"));
    expect(changes(load(helpCentre).checked, raised.checked)).toEqual([
      "payments[0].revenue: 50 => 55",
    ]);
  });

  it('shows nothing for reordered payments, reordered or lower-case codes, or "2.50" for 2.5', () => {
    const original = load(appInstall);
    const reshuffled = load(appInstall, (yaml) => {
      const [head, rest] = yaml.split("payments:\n");
      const [payments, tail] = rest.split("\npartnerPayments:");
      const [android, ios] = payments.split(/\n(?= {2}- title: iOS)/);
      return `${head}payments:\n${ios}\n${android.trimEnd()}\n\npartnerPayments:${tail}`
        .replace("countries: [US, CA, GB]", "countries: [gb, us, ca]")
        .replace("total: 2.5\n", 'total: "2.50"\n');
    });
    expect(changes(original.written, reshuffled.written)).toEqual(
      expect.arrayContaining([
        'payments[0].title: "Android installs" => "iOS installs"',
        'payments[0].countries[0]: "US" => "gb"',
        'payments[1].total: 3.2 => "2.50"',
      ]),
    );
    expect(changes(original.checked, reshuffled.checked)).toEqual([]);
  });
});
