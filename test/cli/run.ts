/**
 * Build the `protokoll` command into a private folder and run it as a
 * subprocess. Each test file builds its own copy, so files running at once (or
 * a build elsewhere in the repository) never pull a bundle from under another.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Options } from "tsup";
import tsupConfig from "../../tsup.config.js";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

export interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Build the CLI bundle (cli.js, cli-worker.js) into node_modules/.cache/<name>; returns the path of cli.js. */
export async function buildCli(name: string): Promise<string> {
  // Inside the repository so that the bundle's externals (pdfjs-dist, zod, tinyglobby) resolve.
  const dir = join(ROOT, "node_modules/.cache", name);
  const configs = (Array.isArray(tsupConfig) ? tsupConfig : [tsupConfig]) as Options[];
  const cliConfig = configs.find((c) => c.entry && !Array.isArray(c.entry) && typeof c.entry === "object" && "cli" in c.entry);
  await build({ ...cliConfig, config: false, outDir: dir, clean: true, sourcemap: false, silent: true });
  return join(dir, "cli.js");
}

/** Run `node cli.js ...args` in `cwd`, with `stdin` piped in (or none), and collect its output. */
export function runCli(cli: string, args: string[], cwd: string, stdin?: Buffer | string): Promise<Result> {
  return runProcess(process.execPath, [cli, ...args], cwd, stdin);
}

/** Run `command ...args` in `cwd`, with `stdin` piped in (or none), and collect its exit code and output. */
export function runProcess(command: string, args: string[], cwd: string, stdin?: Buffer | string): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}
