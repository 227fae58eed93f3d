// Writes dist/THIRD-PARTY-LICENSES.txt: the licence of every package that the build
// bundled into dist/ (chevrotain and its parts, lodash-es, date-fns), found from the
// bundler's metafiles, so the published files carry the notices their licences ask for.
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dist = new URL("../dist/", import.meta.url).pathname;
const root = new URL("../", import.meta.url).pathname;
const metafiles = readdirSync(dist).filter((name) => /^metafile-.*\.json$/.test(name));
if (metafiles.length === 0) throw new Error("no metafile in dist/: build with tsup first");

const packages = new Set();
for (const name of metafiles) {
  const { inputs } = JSON.parse(readFileSync(join(dist, name), "utf8"));
  for (const input of Object.keys(inputs)) {
    const match = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match) packages.add(match[1]);
  }
}

const sections = [...packages].sort().map((name) => {
  const dir = join(root, "node_modules", name);
  const { version, license } = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  const file = readdirSync(dir).find((f) => /^licen[cs]e/i.test(f));
  if (!file || !existsSync(join(dir, file))) throw new Error(`${name} has no licence file to bundle`);
  return `${name} ${version} (${license})\n\n${readFileSync(join(dir, file), "utf8").trim()}\n`;
});
writeFileSync(
  join(dist, "THIRD-PARTY-LICENSES.txt"),
  `protokoll bundles these packages into dist/; their licences follow.\n\n${sections.join("\n" + "-".repeat(72) + "\n\n")}`,
);
// The metafiles are build records, not part of the package.
for (const name of metafiles) rmSync(join(dist, name));
console.log(`wrote dist/THIRD-PARTY-LICENSES.txt (${packages.size} packages)`);
