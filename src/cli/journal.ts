/**
 * The run journal, `DIR/.protokoll-journal.jsonl`: one line per input, appended
 * and flushed to disk (fdatasync) as the input finishes, after its output file
 * is in place. A run killed at any point (SIGKILL, power loss) leaves outputs
 * that the journal accounts for; `manifest.json` and `errors.jsonl` are written
 * from the same entries at the end, and the journal is then removed. `--resume`
 * reads the last manifest and the journal (later lines win) to know what is done.
 */
import { open, readFile, rm, type FileHandle } from "node:fs/promises";
import { join } from "node:path";
import type { Manifest, ManifestEntry } from "./manifest.js";

export const JOURNAL_FILE = ".protokoll-journal.jsonl";

/** One journal line: the entry and the protokoll that made it (its output is valid for that version only). */
interface JournalLine {
  generator: string;
  entry: ManifestEntry;
}

/** What an earlier run recorded about an input, and with which version. */
export interface PreviousEntry {
  generator: string;
  entry: ManifestEntry;
}

/** The entries of earlier runs in `outDir`, by input path; and how many lines an unfinished journal holds. */
export async function readPrevious(outDir: string, manifestFile: string): Promise<{ byFile: Map<string, PreviousEntry>; unfinished: number }> {
  const byFile = new Map<string, PreviousEntry>();
  const manifest = await readFile(join(outDir, manifestFile), "utf8")
    .then((text) => JSON.parse(text) as Manifest)
    .catch(() => null);
  if (manifest && Array.isArray(manifest.inputs) && typeof manifest.generator === "string") {
    for (const entry of manifest.inputs) byFile.set(entry.file, { generator: manifest.generator, entry });
  }
  const journal = await readFile(join(outDir, JOURNAL_FILE), "utf8").catch(() => "");
  let unfinished = 0;
  for (const line of journal.split("\n")) {
    const parsed = parseLine(line);
    if (!parsed) continue;
    byFile.set(parsed.entry.file, parsed);
    unfinished++;
  }
  return { byFile, unfinished };
}

/** A line cut short by a kill mid-write is no record: ignored, so its input is done again. */
function parseLine(line: string): JournalLine | null {
  if (line.trim() === "") return null;
  try {
    const value = JSON.parse(line) as JournalLine;
    return typeof value.generator === "string" && typeof value.entry?.file === "string" ? value : null;
  } catch {
    return null;
  }
}

export class Journal {
  private queue: Promise<void> = Promise.resolve();

  private constructor(
    private readonly handle: FileHandle,
    private readonly path: string,
    private readonly generator: string,
  ) {}

  /** Open for appending (`--resume`: earlier lines stay) or empty it (a fresh run). */
  static async open(outDir: string, generator: string, keep: boolean): Promise<Journal> {
    const path = join(outDir, JOURNAL_FILE);
    return new Journal(await open(path, keep ? "a" : "w"), path, generator);
  }

  /** Append one entry and flush it to disk; entries are written one at a time, in call order. */
  append(entry: ManifestEntry): Promise<void> {
    const line = JSON.stringify({ generator: this.generator, entry } satisfies JournalLine) + "\n";
    this.queue = this.queue.then(async () => {
      await this.handle.write(line);
      await this.handle.datasync();
    });
    return this.queue;
  }

  /** The run is over and its manifest written: the journal has nothing left to tell. */
  async finish(): Promise<void> {
    await this.close();
    await rm(this.path, { force: true });
  }

  async close(): Promise<void> {
    await this.queue.catch(() => {});
    await this.handle.close().catch(() => {});
  }
}
