// The built package has one copy of the library per module format: protokoll/node re-exports
// the main entry in ESM and in CommonJS, so an error from parseFile is the main entry's
// ProtokollError (instanceof and isProtokollError), and an error from the other format's
// copy still passes instanceof ProtokollError and isProtokollError by its brand.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const problems = [];
const check = (ok, what) => ok || problems.push(what);

for (const file of ["node.js", "node.cjs"]) {
  const size = readFileSync(new URL(`../dist/${file}`, import.meta.url)).length;
  check(size < 10_000, `dist/${file} is ${size} bytes: it bundles the library again instead of re-exporting dist/index`);
}

const cjs = require("protokoll");
const cjsNode = require("protokoll/node");
const esm = await import("protokoll");
const esmNode = await import("protokoll/node");
check(cjsNode.ProtokollError === cjs.ProtokollError, "require('protokoll/node').ProtokollError is another class than require('protokoll')'s");
check(esmNode.ProtokollError === esm.ProtokollError, "protokoll/node's ProtokollError is another class than protokoll's (ESM)");

async function thrown(parseFile) {
  try {
    await parseFile("does/not/exist.pdf");
  } catch (error) {
    return error;
  }
  throw new Error("parseFile of a missing file did not throw");
}
for (const [name, node] of [["require", cjsNode], ["import", esmNode]]) {
  const error = await thrown(node.parseFile);
  for (const [format, main] of [["require", cjs], ["import", esm]]) {
    const where = `${name}("protokoll/node").parseFile's error`;
    check(error instanceof main.ProtokollError, `${where} is not instanceof ${format}("protokoll").ProtokollError`);
    check(main.isProtokollError(error), `${where} fails ${format}("protokoll").isProtokollError`);
    if (name === format) check(error instanceof main.FileReadError, `${where} is not instanceof ${format}("protokoll").FileReadError`);
  }
}

if (problems.length > 0) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log("one library copy per format; errors recognised across entries and formats");
