import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { ROOT } from "./built";

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));

/** The files `npm pack` would put in the tarball (dist/ as built by npm test). */
function packedFiles(): string[] {
  const [packed] = JSON.parse(
    execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
      cwd: ROOT,
      encoding: "utf8",
    }),
  );
  return packed.files.map((file: { path: string }) => file.path);
}

describe("the package as npm pack builds it", () => {
  const files = packedFiles();

  it("ships the licence, the changelog and the README, and says where it comes from", () => {
    expect(files).toEqual(expect.arrayContaining(["LICENSE", "CHANGELOG.md", "README.md"]));
    expect(fs.readFileSync(path.join(ROOT, "LICENSE"), "utf8")).toMatch(
      /^\s*Apache License\s+Version 2\.0, January 2004/,
    );
    expect(manifest.license).toBe("Apache-2.0");
    expect(manifest.repository.url).toMatch(/^git\+https:\/\/.+\.git$/);
  });

  it("links from its README only to files it ships", () => {
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    const links = [...readme.matchAll(/\]\(((?!https?:|#)[^)#]+)/g)].map(([, link]) => link);
    for (const link of links) {
      expect([link, files.includes(path.normalize(link))]).toEqual([link, true]);
    }
  });

  it("ships no source maps, and no compiled file points at one", () => {
    expect(files.filter((file) => file.endsWith(".map"))).toEqual([]);
    for (const file of files.filter((name) => name.endsWith(".js"))) {
      const text = fs.readFileSync(path.join(ROOT, file), "utf8");
      expect([file, /sourceMappingURL/.test(text)]).toEqual([file, false]);
    }
  });

  it("builds when packed, not when installed (no prepare script to run on users' machines)", () => {
    expect(manifest.scripts.prepare).toBeUndefined();
    expect(manifest.scripts.prepack).toMatch(/npm run -s build/);
  });

  it("ships declarations that type-check without skipLibCheck, as a user's strict tsc reads them", () => {
    const declarations = files.filter((file) => file.endsWith(".d.ts"));
    expect(declarations).toContain("dist/provider/index.d.ts");
    const tsc = path.join(ROOT, "node_modules", "typescript", "bin", "tsc");
    const args = ["--noEmit", "--strict", "--esModuleInterop", "--skipLibCheck", "false"];
    let output = "";
    try {
      execFileSync(process.execPath, [tsc, ...args, ...declarations], {
        cwd: ROOT,
        encoding: "utf8",
      });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error);
    }
    expect(output).toBe("");
  });

  it("ships the validate command it declares", () => {
    expect(files).toContain(manifest.bin["affise-validate-offers"]);
  });

  it("ships the export command it declares, with the modules it loads", () => {
    expect(files).toContain(manifest.bin["affise-export-offers"]);
    expect(files).toContain("dist/scripts/export/export-offers.js");
  });
});
