/**
 * `npm run schema`: regenerates schema/offer.schema.json and the offer field table in the docs
 * from the offer schema. Run it after changing a field in provider/fields/; a test fails until
 * you do.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { generatedFiles, ROOT } from "./offer-schema";

const USAGE = `Usage: npm run schema

  Rewrites schema/offer.schema.json and the README's field table from provider/fields/.
`;

function main(argv: string[]): number {
  if (argv.includes("--help") || argv.includes("-h")) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (argv.length > 0) {
    process.stderr.write(`npm run schema: unknown option ${argv[0]}\n\n${USAGE}`);
    return 2;
  }
  for (const { file, content } of generatedFiles()) {
    const absolute = path.join(ROOT, file);
    const before = fs.existsSync(absolute) ? fs.readFileSync(absolute, "utf8") : undefined;
    if (before === content) {
      process.stdout.write(`${file}: up to date\n`);
      continue;
    }
    fs.mkdirSync(path.dirname(absolute), { recursive: true });
    fs.writeFileSync(absolute, content);
    process.stdout.write(`${file}: written\n`);
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
