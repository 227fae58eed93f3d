/**
 * The fuzz harness's child: parses the inputs the parent sends, one at a time,
 * with the built package, and answers with the outcome. The parent holds the
 * wall clock: a child that does not answer in time is killed (a hang), one
 * that dies (an unhandled rejection, a stack overflow outside a try, out of
 * memory) is a crash. Node's default --unhandled-rejections=throw stays on:
 * that is how a caller's process would die.
 */
import { pathToFileURL } from "node:url";

const dist = process.argv[2];
const { parsePdf, parseText, DocumentSchema, ProtokollError } = await import(pathToFileURL(`${dist}/index.js`).href);

process.on("message", async ({ id, kind, data, budgetMs }) => {
  const started = performance.now();
  let answer;
  try {
    const document = kind === "pdf" ? await parsePdf(data, { timeoutMs: budgetMs }) : parseText(data, { timeoutMs: budgetMs });
    const valid = DocumentSchema.safeParse(document);
    answer = valid.success
      ? { outcome: "document", detail: `${document.items.length} items, ${document.diagnostics.length} diagnostics` }
      : { outcome: "schema-invalid", detail: valid.error.message.slice(0, 2000) };
  } catch (error) {
    answer =
      error instanceof ProtokollError
        ? { outcome: `error ${error.code}`, detail: error.message.slice(0, 300) }
        : { outcome: "exception", detail: `${error?.name ?? typeof error}: ${String(error?.message ?? error).slice(0, 300)}\n${error?.stack ?? ""}`.slice(0, 3000) };
  }
  const ms = performance.now() - started;
  // Let rejections that pdf.js leaves behind surface now, so that they are charged to this input.
  await new Promise((resolve) => setTimeout(resolve, 0));
  process.send({ id, ms, ...answer });
});
process.send({ ready: true });
