/**
 * File-system helpers of the CLI: folders made without Node's recursive mkdir
 * (which spins forever on pseudo-file-systems: `mkdir -p /proc/x`), atomic
 * writes, and file-system errors said as sentences rather than `EEXIST: …, mkdir`.
 */
import { mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/** What an errno means, in words; unknown codes keep Node's message. */
const REASONS: Record<string, string> = {
  ENOENT: "it does not exist",
  EACCES: "permission denied",
  EPERM: "the operation is not permitted",
  EROFS: "the file system is read-only",
  ENOTDIR: "a part of the path is a file, not a folder",
  EEXIST: "a file of that name is in the way",
  EISDIR: "it is a folder",
  ELOOP: "it is a loop of symbolic links",
  ENOSPC: "the disk is full",
  EDQUOT: "the disk quota is used up",
  ENAMETOOLONG: "the name is too long",
  EMFILE: "too many files are open",
  ENXIO: "it is a socket or device that cannot be read",
  EIO: "an input/output error",
};

/** "permission denied" for an EACCES error, Node's own message for others. */
export function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code !== undefined && Object.hasOwn(REASONS, code)) return REASONS[code]!;
  return error instanceof Error ? error.message : String(error);
}

/** A run-level failure about a path (an --out or --csv folder): exit code 2, nothing was done. */
export class FolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FolderError";
  }
}

/**
 * Make `path` and its missing parents, then prove it writable by writing and
 * removing a probe file, so a bad `--out` fails before any work, in a sentence.
 * `flag` names the option in the message.
 */
export async function prepareFolder(path: string, flag: string): Promise<void> {
  const missing: string[] = [];
  for (let p = path; ; p = dirname(p)) {
    const info = await stat(p).catch((error: NodeJS.ErrnoException) => {
      // ENOTDIR: a file further up; the walk up finds it and says so.
      if (error.code === "ENOENT" || error.code === "ENOTDIR") return null;
      throw new FolderError(`The ${flag} folder ${path} cannot be used: ${reason(error)}.`);
    });
    if (info?.isDirectory()) break;
    if (info) throw new FolderError(`The ${flag} folder ${path} cannot be used: ${p} is a file, not a folder.`);
    missing.push(p);
    if (dirname(p) === p) break;
  }
  for (const dir of missing.reverse()) {
    await mkdir(dir).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "EEXIST") return;
      // ENOENT from mkdir on a folder that exists: a pseudo-file-system such as /proc takes no new folders.
      const why = error.code === "ENOENT" ? `${dirname(dir)} does not take new folders` : `${dir}: ${reason(error)}`;
      throw new FolderError(`The ${flag} folder ${path} cannot be made: ${why}.`);
    });
  }
  const probe = join(path, `.protokoll-probe.${process.pid}.tmp`);
  try {
    await writeFile(probe, "");
    await rm(probe, { force: true });
  } catch (error) {
    throw new FolderError(`The ${flag} folder ${path} cannot be written to: ${reason(error)}.`);
  }
}

/** Write via a temporary file and rename, so an interrupted run never leaves half a file. */
export async function writeAtomic(path: string, text: string): Promise<void> {
  const temp = tempPath(path);
  await writeFile(temp, text);
  await rename(temp, path);
}

/** `.<name>.<pid>.tmp` beside `path`: hidden, so no glob over outputs ever reads one. */
export function tempPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
}

/** A temporary file left by a killed run (see {@link tempPath}). */
export const TEMP_FILE = /(?:^|[/\\])\.[^/\\]+\.\d+\.tmp$/;
