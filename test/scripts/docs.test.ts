import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { loadOfferFiles } from "../../program/offers";
import { ROOT } from "./built";

const DOC = path.join(ROOT, "README.md");
const text = fs.readFileSync(DOC, "utf8");

describe("README.md", () => {
  it("shows only offer examples that pass validation", () => {
    const offers = [...text.matchAll(/```yaml\n([\s\S]*?)```/g)]
      .map(([, yaml]) => yaml)
      .filter((yaml) => /^payments:/m.test(yaml));
    expect(offers.length).toBeGreaterThan(0);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "doc-offers-"));
    try {
      offers.forEach((yaml, i) => fs.writeFileSync(path.join(dir, `example-${i}.yaml`), yaml));
      expect(loadOfferFiles(dir).errors).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("documents every setting the provider reads, with its default", () => {
    const source = fs.readFileSync(path.join(ROOT, "provider", "affise", "connection.ts"), "utf8");
    const settings = [
      ...source.matchAll(/config:\s*"(affise:\w+)",\s*env:\s*"(\w+)"(?:,\s*default:\s*([\d_]+))?/g),
    ];
    expect(settings.length).toBeGreaterThanOrEqual(6);
    for (const [, key, env, fallback] of settings) {
      const shown = fallback === undefined ? "—" : fallback.replace(/_/g, "");
      expect(text).toMatch(new RegExp(`^\\| \`${key}\` +\\| \`${env}\` +\\| ${shown} +\\|`, "m"));
    }
  });

  it("links only to files that exist", () => {
    const links = [...text.matchAll(/\]\(((?!https?:|#)[^)#]+)/g)].map(([, link]) => link);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      expect([link, fs.existsSync(path.resolve(path.dirname(DOC), link))]).toEqual([link, true]);
    }
  });
});
