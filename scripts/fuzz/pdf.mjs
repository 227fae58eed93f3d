/**
 * Mutations of real PDFs. A PDF is handled as a latin1 string (one char per
 * byte, lossless), so its objects, streams and xref can be found with plain
 * string search. Structural mutations (a stream's content, /Count, nesting, a
 * page-tree cycle, an object from another file) rebuild the xref table after
 * the edit, so that pdf.js gets past the xref and meets the damage itself;
 * the byte-level and xref mutations leave it broken on purpose.
 */
import { deflateSync, inflateSync } from "node:zlib";

export const toLatin1 = (bytes) => Buffer.from(bytes).toString("latin1");
export const toBytes = (text) => new Uint8Array(Buffer.from(text, "latin1"));

/** Every `N G obj ... endobj` with its place in the file. */
function objects(pdf) {
  const found = [];
  const re = /(?:^|[\r\n])(\d+) (\d+) obj\b/g;
  for (let m; (m = re.exec(pdf)); ) {
    const start = m.index + (m[0].length - m[0].trimStart().length);
    const end = pdf.indexOf("endobj", start);
    if (end < 0) break;
    found.push({ number: Number(m[1]), start, bodyStart: m.index + m[0].length, end });
    re.lastIndex = end;
  }
  return found;
}

/** Every stream's data range, with the object (dictionary) it belongs to. */
function streams(pdf) {
  const found = [];
  for (const object of objects(pdf)) {
    const keyword = pdf.indexOf("stream", object.bodyStart);
    if (keyword < 0 || keyword > object.end) continue;
    let dataStart = keyword + "stream".length;
    if (pdf[dataStart] === "\r") dataStart++;
    if (pdf[dataStart] === "\n") dataStart++;
    const dataEnd = pdf.lastIndexOf("endstream", object.end);
    if (dataEnd < dataStart) continue;
    found.push({ ...object, dictEnd: keyword, dataStart, dataEnd });
  }
  return found;
}

/** A fresh xref table and trailer for the objects as they now stand. */
export function rebuildXref(pdf) {
  const trailer = /trailer\s*(<<[\s\S]*?>>)\s*startxref/.exec(pdf)?.[1] ?? "<< /Root 1 0 R >>";
  const head = pdf.lastIndexOf("\nxref");
  const body = head > 0 ? pdf.slice(0, head + 1) : pdf;
  const offsets = new Map(objects(body).map((o) => [o.number, o.start]));
  const size = Math.max(0, ...offsets.keys()) + 1;
  let table = `xref\n0 ${size}\n0000000000 65535 f \n`;
  for (let n = 1; n < size; n++) {
    const at = offsets.get(n);
    table += at === undefined ? "0000000000 00000 f \n" : `${String(at).padStart(10, "0")} 00000 n \n`;
  }
  const fixedTrailer = trailer.replace(/\/Size\s+\d+/, `/Size ${size}`);
  return `${body}${table}trailer\n${fixedTrailer}\nstartxref\n${body.length}\n%%EOF\n`;
}

/** A stream's decoded content where it is Flate or plain; null where it is something else. */
function decode(pdf, stream) {
  const dict = pdf.slice(stream.bodyStart, stream.dictEnd);
  const data = pdf.slice(stream.dataStart, stream.dataEnd).replace(/\r?\n$/, "");
  if (!/\/Filter/.test(dict)) return data;
  if (!/\/Filter\s*\/FlateDecode/.test(dict) || /\/DecodeParms/.test(dict)) return null;
  try {
    return inflateSync(Buffer.from(data, "latin1")).toString("latin1");
  } catch {
    return null;
  }
}

/** Replace a stream's content (written uncompressed, or deflated again when `compress`), fixing /Length and /Filter. */
function replaceStream(pdf, stream, content, compress = false) {
  const data = compress ? deflateSync(Buffer.from(content, "latin1")).toString("latin1") : content;
  let dict = pdf.slice(stream.bodyStart, stream.dictEnd).replace(/\/Length\s+\d+(?:\s+\d+\s+R)?/, `/Length ${data.length}`);
  dict = compress ? dict : dict.replace(/\/Filter\s*\/FlateDecode/, "");
  return `${pdf.slice(0, stream.bodyStart)}${dict}stream\n${data}\nendstream\n${pdf.slice(stream.end)}`;
}

/** Content streams: the streams whose decoded data has text operators. */
function contentStreams(pdf) {
  return streams(pdf).flatMap((stream) => {
    const content = decode(pdf, stream);
    return content !== null && /\bT[Jj]\b|\bBT\b/.test(content) ? [{ stream, content }] : [];
  });
}

const spliceAt = (text, at, insert, remove = 0) => text.slice(0, at) + insert + text.slice(at + remove);

/** Pathological content: each is a page's whole content or something inserted into it. */
const CONTENT_BOMBS = [
  (r) => "q ".repeat(r.size(100, 200_000)),
  (r) => "BT ".repeat(r.size(100, 50_000)),
  (r) => "[".repeat(r.size(10, 100_000)),
  (r) => `BT /F1 12 Tf 72 700 Td (${"a".repeat(r.size(100, 500_000))}) Tj ET`,
  (r) => `BT /F1 12 Tf 72 700 Td (${"§ 1 ".repeat(r.size(10, 50_000))}) Tj ET`,
  (r) => `BT /F1 12 Tf ${"0 -14 Td (Sida 1 av 2) Tj ".repeat(r.size(10, 20_000))} ET`,
  (r) => `BT /F1 12 Tf 72 700 Td [${"(a) -250 ".repeat(r.size(10, 50_000))}] TJ ET`,
  (r) => `BT /F1 1e38 Tf 1e38 -1e38 Td (x) Tj ${r.pick(["NaN", "-0", "99999999999999999999"])} 0 0 1 0 0 Tm (y) Tj ET`,
  (r) => `BT /NoSuchFont 12 Tf 72 700 Td (${String.fromCharCode(...Array.from({ length: 200 }, () => r.int(256)))}) Tj ET`,
  (r) => `BI /W 10000 /H 10000 /BPC 8 /CS /RGB ID ${"\u00ff".repeat(r.size(10, 10_000))} EI`,
  (r) => `/X0 Do `.repeat(r.size(1, 1000)),
];

/** Edits inside a decoded content stream that keep it readable: text shown many times, long strings, bombs. */
const CONTENT_EDITS = [
  function repeatTextShow(content, r) {
    const shows = [...content.matchAll(/\((?:[^()\\]|\\.)*\)\s*Tj|\[[^\]]*\]\s*TJ/g)];
    if (shows.length === 0) return null;
    const show = r.pick(shows);
    const times = r.size(2, 20_000);
    const step = r.pick(["", " 0 -12 Td ", " T* ", " 0 0 Td "]);
    return spliceAt(content, show.index, `${show[0]}${step}`.repeat(times));
  },
  function longString(content, r) {
    const strings = [...content.matchAll(/\((?:[^()\\]|\\.)*\)\s*Tj/g)];
    if (strings.length === 0) return null;
    const s = r.pick(strings);
    const unit = r.pick(["a", " ", "1", "§", ".", "- ", "Sida 1 av 2 ", "Anna Berg (S) ", "Kommunstyrelsens beslut "]);
    return spliceAt(content, s.index, `(${unit.repeat(r.size(10, 200_000 / unit.length))}) Tj`, s[0].length);
  },
  function bomb(content, r) {
    return r.chance(0.5) ? r.pick(CONTENT_BOMBS)(r) : spliceAt(content, r.int(content.length + 1), ` ${r.pick(CONTENT_BOMBS)(r)} `);
  },
  function garble(content, r) {
    let out = content;
    for (let k = r.between(1, 50); k > 0; k--) out = spliceAt(out, r.int(out.length), String.fromCharCode(r.int(256)), 1);
    return out;
  },
  function dropOperators(content, r) {
    return content.replace(/\b(?:BT|ET|Tf|Td|TD|Tm|q|Q)\b/g, (op) => (r.chance(0.3) ? "" : op));
  },
];

const COUNTS = ["0", "-1", "-2147483648", "2147483647", "99999999999", "3.5", "1e9", "/Name", "null", "[]"];
const LENGTHS = ["0", "-1", "99999999", "2147483647", "3.5", "1 0 R", "999 0 R"];

/** The mutators: each returns the mutated PDF, or null where it does not apply to this file. */
export const PDF_MUTATIONS = {
  flipBytes(pdf, r) {
    let out = pdf;
    for (let k = r.size(1, 200); k > 0; k--) out = spliceAt(out, r.int(out.length), String.fromCharCode(r.int(256)), 1);
    return out;
  },
  truncate(pdf, r) {
    return pdf.slice(0, r.int(pdf.length));
  },
  deleteRange(pdf, r) {
    const at = r.int(pdf.length);
    return spliceAt(pdf, at, "", r.size(1, pdf.length - at));
  },
  duplicateRange(pdf, r) {
    const at = r.int(pdf.length);
    const piece = pdf.slice(at, at + r.size(1, pdf.length - at));
    return spliceAt(pdf, r.int(pdf.length), piece.repeat(r.size(1, 50)));
  },
  garbleStreamBytes(pdf, r) {
    const all = streams(pdf);
    if (all.length === 0) return null;
    const s = r.pick(all);
    let out = pdf;
    for (let k = r.size(1, 100); k > 0; k--) out = spliceAt(out, s.dataStart + r.int(Math.max(1, s.dataEnd - s.dataStart)), String.fromCharCode(r.int(256)), 1);
    return out;
  },
  editContent(pdf, r) {
    const all = contentStreams(pdf);
    if (all.length === 0) return null;
    const { stream, content } = r.pick(all);
    const edited = r.pick(CONTENT_EDITS)(content, r);
    return edited === null ? null : rebuildXref(replaceStream(pdf, stream, edited, r.chance(0.5)));
  },
  damageXref(pdf, r) {
    const xref = pdf.lastIndexOf("xref");
    const startxref = pdf.lastIndexOf("startxref");
    switch (r.int(6)) {
      case 0:
        return startxref < 0 ? null : pdf.replace(/startxref\s+\d+/g, `startxref\n${r.pick(["0", "-1", "99999999999", String(r.int(pdf.length)), "abc"])}`);
      case 1: {
        if (xref < 0 || startxref < xref) return null;
        let table = pdf.slice(xref, startxref);
        for (let k = r.size(1, 40); k > 0; k--) table = spliceAt(table, r.int(table.length), String(r.int(10)), 1);
        return pdf.slice(0, xref) + table + pdf.slice(startxref);
      }
      case 2:
        return pdf.replace(/trailer\s*<<[\s\S]*?>>/, "trailer\n<< >>");
      case 3:
        return pdf.replace(/\/Root\s+\d+\s+\d+\s+R/, `/Root ${r.between(0, 999)} 0 R`);
      case 4:
        // A /Prev that points back at this very xref: a loop of xref sections.
        return xref < 0 ? null : pdf.replace(/trailer\s*<</, `trailer\n<< /Prev ${xref} `);
      default:
        return pdf.replace(/\/Size\s+\d+/, `/Size ${r.pick(["0", "-5", "2147483647", "99999999999"])}`);
    }
  },
  hugeCount(pdf, r) {
    if (!/\/Count\s+-?\d+/.test(pdf)) return null;
    return rebuildXref(pdf.replace(/\/Count\s+-?\d+/g, (m) => (r.chance(0.7) ? `/Count ${r.pick(COUNTS)}` : m)));
  },
  hugeLength(pdf, r) {
    if (!/\/Length\s+\d+/.test(pdf)) return null;
    return rebuildXref(pdf.replace(/\/Length\s+\d+/g, (m) => (r.chance(0.5) ? `/Length ${r.pick(LENGTHS)}` : m)));
  },
  deepNesting(pdf, r) {
    const dicts = [...pdf.matchAll(/<</g)];
    if (dicts.length === 0) return null;
    const depth = r.size(50, 200_000);
    const [open, close] = r.pick([["[", "]"], ["<< /A ", ">>"], ["[<< /A ", ">>]"]]);
    const nested = `/Deep ${open.repeat(depth)}1${r.chance(0.7) ? close.repeat(depth) : ""} `;
    return rebuildXref(spliceAt(pdf, r.pick(dicts).index + 2, ` ${nested}`));
  },
  pageTreeCycle(pdf, r) {
    const trees = objects(pdf).filter((o) => /\/Type\s*\/Pages\b/.test(pdf.slice(o.bodyStart, o.end)));
    const pages = objects(pdf).filter((o) => /\/Type\s*\/Page\b/.test(pdf.slice(o.bodyStart, o.end)));
    if (trees.length === 0) return null;
    const tree = r.pick(trees);
    if (r.chance(0.5) || pages.length === 0) {
      // The tree lists itself among its kids.
      const body = pdf.slice(tree.bodyStart, tree.end).replace(/\/Kids\s*\[/, `/Kids [ ${tree.number} 0 R `);
      return rebuildXref(pdf.slice(0, tree.bodyStart) + body + pdf.slice(tree.end));
    }
    // A page turned into a tree node whose kid is the root: a loop through two objects.
    const page = r.pick(pages);
    const body = pdf.slice(page.bodyStart, page.end).replace(/\/Type\s*\/Page\b/, `/Type /Pages /Kids [ ${tree.number} 0 R ] /Count 1`);
    return rebuildXref(pdf.slice(0, page.bodyStart) + body + pdf.slice(page.end));
  },
  swapObject(pdf, r, others) {
    const other = r.pick(others);
    const theirs = new Map(objects(other).map((o) => [o.number, o]));
    const mine = objects(pdf).filter((o) => theirs.has(o.number));
    if (mine.length === 0) return null;
    const target = r.pick(mine);
    const source = theirs.get(target.number);
    return rebuildXref(pdf.slice(0, target.bodyStart) + other.slice(source.bodyStart, source.end) + pdf.slice(target.end));
  },
};

/** One to three mutations of a random source PDF; returns the bytes and what was done. */
export function mutatePdf(sources, r) {
  const source = r.pick(sources);
  let pdf = source.text;
  const steps = [];
  const names = Object.keys(PDF_MUTATIONS);
  for (let n = r.chance(0.6) ? 1 : r.between(2, 3), tries = 0; steps.length < n && tries < 20; tries++) {
    const name = r.pick(names);
    const out = PDF_MUTATIONS[name](pdf, r, sources.map((s) => s.text));
    if (out === null || out === pdf) continue;
    pdf = out;
    steps.push(name);
  }
  return { bytes: toBytes(pdf), description: `${source.name}: ${steps.join(" + ") || "unchanged"}` };
}
