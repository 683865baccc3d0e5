/** File names for exported offers: slugs of titles, de-duplicated, stable across re-exports. */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { FileNames, slug } from "../../scripts/export/file-names";

it("slugs a title to a resource name", () => {
  expect(slug("Été — Café №5")).toBe("ete-cafe-no5");
  expect(slug("VPN trial: 50% off!")).toBe("vpn-trial-50-off");
  expect(slug("???")).toBe("");
  expect(slug("x".repeat(200))).toHaveLength(80);
});

describe("FileNames", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "names-"));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("adds the offer id to a name already taken, here or by a file in the folder", () => {
    fs.writeFileSync(path.join(dir, "winter.yaml"), "title: Winter\n");
    const names = new FileNames(dir);
    expect(names.claim("7", "Summer").name).toBe("summer");
    expect(names.claim("9", "summer").name).toBe("summer-9");
    expect(names.claim("11", "Winter").name).toBe("winter-11");
    expect(names.claim("12", "!!!").name).toBe("offer-12");
  });

  it("prefers the resource name in the offer's pulumi-affise marker", () => {
    const names = new FileNames(dir);
    expect(names.claim("3", "Renamed in the UI", "summer-sale").name).toBe("summer-sale");
    expect(names.claim("4", "Bad marker", "not a name!").name).toBe("bad-marker");
  });

  it("knows which offers the folder already holds: by export header, or a hand-written adoptId", () => {
    fs.mkdirSync(path.join(dir, "team"));
    fs.writeFileSync(path.join(dir, "a.yaml"), "# Affise offer 21 (offer_id x), written by …\n");
    fs.writeFileSync(path.join(dir, "team", "b.yml"), "title: B\nadoptId: 22 # ours\n");
    fs.writeFileSync(path.join(dir, "c.yaml"), "title: C\n");
    const names = new FileNames(dir);
    expect([...names.existing.keys()].sort()).toEqual(["21", "22"]);
    expect(names.existing.get("22")).toEqual({ file: path.join(dir, "team", "b.yml"), name: "b" });
  });
});
