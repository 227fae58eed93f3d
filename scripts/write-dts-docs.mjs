// TypeScript's declaration emit drops the JSDoc of the fields in src/schema (the types are
// inferred from zod, and the d.ts spells each schema's shape out again without comments).
// This puts them back: every z.object({...}) in the source is matched, by its set of keys,
// to the shapes in every dist/*.d.ts and *.d.cts, and each documented key gets its
// comment, so that hovering `doc.items[0].decision` in an editor says what it holds.
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import ts from "typescript";

const source = new URL("../src/schema/index.ts", import.meta.url);
const dist = new URL("../dist/", import.meta.url);
const targets = readdirSync(dist).filter((name) => /\.d\.c?ts$/.test(name)).map((name) => new URL(name, dist));

const parse = (url) => ts.createSourceFile(url.pathname, readFileSync(url, "utf8"), ts.ScriptTarget.Latest, true);
const keyOf = (names) => [...names].sort().join(",");
const nameOf = (node) => (node.name && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name)) ? node.name.text : null);

/** Key set of each z.object({...}) in the source -> its keys' JSDoc text. */
function documentedShapes(file) {
  const shapes = new Map();
  const visit = (node) => {
    if (ts.isCallExpression(node) && node.expression.getText(file) === "z.object" && node.arguments[0] && ts.isObjectLiteralExpression(node.arguments[0])) {
      const docs = new Map();
      const names = [];
      for (const property of node.arguments[0].properties) {
        const name = nameOf(property);
        if (name === null) continue;
        names.push(name);
        const comment = ts.getJSDocCommentsAndTags(property).find(ts.isJSDoc);
        if (comment) docs.set(name, comment.getText(file));
      }
      if (docs.size > 0) shapes.set(keyOf(names), docs);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return shapes;
}

const shapes = documentedShapes(parse(source));
for (const target of targets) {
  const file = parse(target);
  const inserts = [];
  const visit = (node) => {
    if (ts.isTypeLiteralNode(node)) {
      const members = node.members.filter((m) => ts.isPropertySignature(m) && nameOf(m) !== null);
      const docs = shapes.get(keyOf(members.map(nameOf)));
      for (const member of docs ? members : []) {
        const comment = docs.get(nameOf(member));
        if (comment && ts.getJSDocCommentsAndTags(member).length === 0) inserts.push({ at: member.getStart(file), comment });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  let text = file.text;
  for (const { at, comment } of inserts.sort((a, b) => b.at - a.at)) {
    const indent = text.slice(text.lastIndexOf("\n", at) + 1, at);
    text = `${text.slice(0, at)}${comment.replace(/\n\s*/g, `\n${indent} `)}\n${indent}${text.slice(at)}`;
  }
  if (inserts.length === 0) continue;
  writeFileSync(target, text);
  console.log(`wrote ${inserts.length} field comments into dist/${target.pathname.split("/").pop()}`);
}
