/**
 * What `protokoll parse` reads: files, folders (searched recursively), glob
 * patterns and `-` (stdin), turned into a sorted list of inputs. Everything the
 * scan meets that is named like an input but cannot be one (a dangling symbolic
 * link, a link loop, a FIFO or socket, a folder named `x.pdf`, a folder it may
 * not list) becomes an input with a `problem`, so it gets an error record:
 * nothing found is skipped silently.
 */
import type { Dirent, Stats } from "node:fs";
import { lstat, readdir, realpath, stat } from "node:fs/promises";
import { basename, isAbsolute, join, relative, resolve, sep } from "node:path";
import { glob, isDynamicPattern } from "tinyglobby";
import { reason } from "./files.js";
import { UsageError } from "./errors.js";

/** Error codes of inputs the scan found but cannot read as a file. */
export type ScanErrorCode = "FILE_READ_FAILED" | "NOT_A_FILE";

export interface InputFile {
  /** As shown and recorded: relative when given relative; `-` (or `/dev/stdin` as given) for stdin. */
  path: string;
  /** To open; null for stdin, which is read from the stream. */
  abs: string | null;
  /**
   * The path below the argument that found it, with `/`: a folder's tree
   * (`2025-02/protokoll.pdf`), a glob's below its fixed part, a named file's
   * base name. Output names are made from it.
   */
  below: string;
  /**
   * Whether text and PDF are told apart by the `.txt` name (regular files) or by
   * the bytes alone (stdin, a pipe named on the command line like /dev/stdin).
   */
  detect: "extension" | "sniff";
  problem: { code: ScanErrorCode; message: string } | null;
}

export const STDIN = "-";
/**
 * Names of this process's stdin, read from the stream like `-`: opened by path
 * they fail when stdin is a socket (as under many process managers) and would
 * be a second reader of a pipe.
 */
const STDIN_NAMES = new Set(["/dev/stdin", "/dev/fd/0", "/proc/self/fd/0"]);
const INPUT_NAME = /\.(?:pdf|txt)$/i;

/** Expand the arguments, sorted by path (code-unit order: the same on every machine) and without duplicates. */
export async function discoverInputs(args: string[], cwd: string): Promise<InputFile[]> {
  const found = new Map<string, InputFile>();
  const add = (input: InputFile) => {
    const key = input.abs ?? STDIN;
    if (!found.has(key)) found.set(key, input);
  };
  for (const arg of args) {
    if (arg === STDIN || STDIN_NAMES.has(arg)) {
      add({ path: arg, abs: null, below: "stdin", detect: "sniff", problem: null });
      continue;
    }
    const abs = resolve(cwd, arg);
    const link = await lstat(abs).catch((error: NodeJS.ErrnoException) => error);
    if (link instanceof Error) {
      if (link.code === "ENOENT" && isDynamicPattern(arg)) {
        await expandGlob(arg, cwd, add);
        continue;
      }
      if (link.code === "ENOENT") throw new UsageError(`no such file or folder: ${arg}`, "parse");
      add(problem(arg, abs, basename(arg), "FILE_READ_FAILED", `cannot be read: ${reason(link)}`));
      continue;
    }
    const info = link.isSymbolicLink() ? await follow(abs) : link;
    if (info instanceof Error) {
      add(problem(arg, abs, basename(arg), "FILE_READ_FAILED", brokenLink(info)));
    } else if (info.isDirectory()) {
      await walk(abs, arg, "", new Set([await realpath(abs)]), add);
    } else {
      // A file named explicitly is read whatever its name or kind: the user asked for it
      // (a pipe such as /dev/stdin included; it is read once).
      add({ path: arg, abs, below: basename(arg), detect: info.isFile() ? "extension" : "sniff", problem: null });
    }
  }
  return [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Search a folder recursively; hidden entries (`.name`) are not inputs. */
async function walk(abs: string, shown: string, below: string, ancestors: Set<string>, add: (input: InputFile) => void): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(abs, { withFileTypes: true });
  } catch (error) {
    // Whatever the folder holds is unknown; say so rather than skip it.
    add(problem(shown, abs, below || basename(abs), "FILE_READ_FAILED", `is a folder that cannot be searched: ${reason(error)}`));
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const childAbs = join(abs, entry.name);
    const childShown = join(shown, entry.name);
    const childBelow = below === "" ? entry.name : `${below}/${entry.name}`;
    const named = INPUT_NAME.test(entry.name);
    const info = entry.isSymbolicLink() ? await follow(childAbs) : entry;
    if (info instanceof Error) {
      if (named) add(problem(childShown, childAbs, childBelow, "FILE_READ_FAILED", brokenLink(info)));
      continue;
    }
    if (info.isDirectory()) {
      if (named) add(problem(childShown, childAbs, childBelow, "NOT_A_FILE", "is a folder, not a file (its contents were searched)"));
      const real = await realpath(childAbs).catch(() => null);
      // A link back to a folder above is a loop: its contents are searched through their real path already.
      if (real === null || ancestors.has(real)) continue;
      await walk(childAbs, childShown, childBelow, new Set([...ancestors, real]), add);
    } else if (named) {
      add(
        info.isFile()
          ? { path: childShown, abs: childAbs, below: childBelow, detect: "extension", problem: null }
          : problem(childShown, childAbs, childBelow, "NOT_A_FILE", `is ${specialKind(info)}, not a regular file; it was not read`),
      );
    }
  }
}

/** A quoted glob: matches named .pdf or .txt, each checked like a folder's entries. */
async function expandGlob(pattern: string, cwd: string, add: (input: InputFile) => void): Promise<void> {
  const base = resolve(cwd, fixedPart(pattern));
  const files = (await glob(pattern, { cwd, absolute: true, onlyFiles: false, followSymbolicLinks: false })).filter((f) =>
    INPUT_NAME.test(f.replace(/[/\\]$/, "")),
  );
  if (files.length === 0) throw new UsageError(`the pattern ${pattern} matches no .pdf or .txt file`, "parse");
  for (const match of files) {
    const abs = resolve(match);
    const shown = isAbsolute(pattern) ? abs : relative(cwd, abs);
    const below = relative(base, abs).split(sep).join("/");
    const link = await lstat(abs);
    const info = link.isSymbolicLink() ? await follow(abs) : link;
    if (info instanceof Error) add(problem(shown, abs, below, "FILE_READ_FAILED", brokenLink(info)));
    else if (info.isDirectory()) add(problem(shown, abs, below, "NOT_A_FILE", "is a folder, not a file"));
    else if (!info.isFile()) add(problem(shown, abs, below, "NOT_A_FILE", `is ${specialKind(info)}, not a regular file; it was not read`));
    else add({ path: shown, abs, below, detect: "extension", problem: null });
  }
}

/** The folders of a pattern before its first wildcard: `archive/20*\/*.pdf` -> `archive`. */
function fixedPart(pattern: string): string {
  const parts = pattern.split(/[/\\]/);
  const fixed: string[] = [];
  for (const part of parts.slice(0, -1)) {
    if (isDynamicPattern(part)) break;
    fixed.push(part);
  }
  return fixed.join("/") || ".";
}

async function follow(abs: string): Promise<Stats | Error> {
  return stat(abs).catch((error: Error) => error);
}

function brokenLink(error: NodeJS.ErrnoException): string {
  if (error.code === "ENOENT") return "is a symbolic link to a file that does not exist";
  if (error.code === "ELOOP") return "is a symbolic link loop";
  return `is a symbolic link that cannot be followed: ${reason(error)}`;
}

function specialKind(info: Stats | Dirent): string {
  if (info.isFIFO()) return "a FIFO (named pipe)";
  if (info.isSocket()) return "a socket";
  if (info.isCharacterDevice() || info.isBlockDevice()) return "a device";
  return "not a regular file";
}

function problem(path: string, abs: string, below: string, code: ScanErrorCode, what: string): InputFile {
  return { path, abs, below, detect: "extension", problem: { code, message: `${path} ${what}.` } };
}
