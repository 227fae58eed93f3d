// Every package that dist/ imports at run time is a declared dependency: what the build
// bundles (chevrotain, date-fns) must not be imported, and nothing may be missing. The OCR
// stack is in optionalDependencies: it may only be loaded lazily, with import(), so that
// the library loads (and reports OCR_UNAVAILABLE) when it is not installed.
import { readFileSync, readdirSync } from "node:fs";
import { builtinModules } from "node:module";

const dist = new URL("../dist/", import.meta.url);
const { dependencies = {}, optionalDependencies = {} } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const builtins = new Set(builtinModules);
const specifier = /(\bfrom\s*|\brequire\(\s*|\bimport\(\s*)["']([^"'./][^"']*)["']/g;

const problems = [];
for (const file of readdirSync(dist).filter((f) => /\.(c?js)$/.test(f))) {
  const code = readFileSync(new URL(file, dist), "utf8");
  for (const [, how, spec] of code.matchAll(specifier)) {
    const name = spec.replace(/^node:/, "").startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.replace(/^node:/, "").split("/")[0];
    if (builtins.has(name) || name in dependencies) continue;
    if (name in optionalDependencies && how.startsWith("import(")) continue;
    problems.push(`${file} imports "${spec}", which is not in dependencies`);
  }
}
if (problems.length > 0) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log(`dist imports only ${Object.keys(dependencies).join(", ")}, Node built-ins and lazily ${Object.keys(optionalDependencies).join(", ")}`);
