/**
 * The OCR language models, from the installed @tesseract.js-data/<lang>
 * packages (one npm package per language), never from the network.
 *
 * tesseract.js reads every language of a worker from one folder (its
 * `langPath`), and its other way in, language objects with the model bytes,
 * names the languages by their bytes when it starts tesseract (tesseract.js
 * 7.0.0), so it cannot be used. One language: its package folder. Several
 * (`["swe", "eng"]` -> "swe+eng"): a temporary folder of links to each
 * package's model, removed once the worker has read them.
 */
import { OcrUnavailableError } from "../errors.js";
import { moduleLocation, nodeBuiltin } from "../pdf/pdfjs.js";

/** The integer LSTM models: the accurate ones, at the speed of the fast ones. */
export const MODEL_FOLDER = "4.0.0_best_int";

/** A tesseract language code: "swe", "eng", "chi_sim", "chi_tra_vert". */
const LANGUAGE_CODE = /^[a-z]{3}(?:_[a-z]{2,8}){0,2}$/;

export interface ModelFolder {
  /** tesseract.js's `langPath`: it holds `<lang>.traineddata.gz` of every language asked for. */
  path: string;
  /** Remove what was made for this read (nothing for one language). */
  dispose(): Promise<void>;
}

/** The folder of an installed npm package, or null when it is not installed. */
export type PackageFolder = (name: string) => Promise<string | null>;

/** The npm package that holds a language's model. */
export function modelPackage(language: string): string {
  return `@tesseract.js-data/${language}`;
}

/**
 * The model folder for `languages`. A language that is not installed fails
 * OCR_UNAVAILABLE with the `npm install` of every missing package.
 */
export async function modelFolder(languages: readonly string[], packageFolder: PackageFolder = installedPackage): Promise<ModelFolder> {
  if (languages.length === 0 || languages.some((l) => !LANGUAGE_CODE.test(l))) {
    throw new OcrUnavailableError(`ocrLanguages must be tesseract language codes such as ["swe"] or ["swe", "eng"], got ${JSON.stringify(languages)}.`);
  }
  const unique = [...new Set(languages)];
  const { join } = await nodeBuiltin<typeof import("node:path")>("node:path");
  const { access } = await nodeBuiltin<typeof import("node:fs/promises")>("node:fs/promises");
  const folders = new Map<string, string>();
  const missing: string[] = [];
  for (const language of unique) {
    const root = await packageFolder(modelPackage(language));
    const folder = root === null ? null : join(root, MODEL_FOLDER);
    const found = folder !== null && (await access(join(folder, modelFile(language))).then(() => true, () => false));
    if (found) folders.set(language, folder);
    else missing.push(language);
  }
  if (missing.length > 0) {
    const names = missing.map((l) => `"${l}" (${modelPackage(l)})`).join(", ");
    throw new OcrUnavailableError(`the OCR model for ${names} is not installed.`, undefined, missing);
  }
  const distinct = new Set(folders.values());
  if (distinct.size === 1) return { path: [...distinct][0] as string, dispose: async () => {} };
  return linkedFolder(folders);
}

function modelFile(language: string): string {
  return `${language}.traineddata.gz`;
}

/** A temporary folder with a link (or, where links are not allowed, a copy) of each language's model. */
async function linkedFolder(folders: ReadonlyMap<string, string>): Promise<ModelFolder> {
  const { join } = await nodeBuiltin<typeof import("node:path")>("node:path");
  const { tmpdir } = await nodeBuiltin<typeof import("node:os")>("node:os");
  const fs = await nodeBuiltin<typeof import("node:fs/promises")>("node:fs/promises");
  const path = await fs.mkdtemp(join(tmpdir(), "protokoll-ocr-"));
  const dispose = () => fs.rm(path, { recursive: true, force: true });
  try {
    for (const [language, folder] of folders) {
      const from = join(folder, modelFile(language));
      const to = join(path, modelFile(language));
      // Windows lets only some users make symbolic links.
      await fs.symlink(from, to).catch(() => fs.copyFile(from, to));
    }
  } catch (error) {
    await dispose();
    throw new OcrUnavailableError(`the OCR models could not be put together in ${path}.`, error);
  }
  return { path, dispose };
}

/** Resolved from this module, so the caller's node_modules is searched as any import would be. */
async function installedPackage(name: string): Promise<string | null> {
  const { createRequire } = await nodeBuiltin<typeof import("node:module")>("node:module");
  const { dirname } = await nodeBuiltin<typeof import("node:path")>("node:path");
  try {
    return dirname(createRequire(moduleLocation()).resolve(`${name}/package.json`));
  } catch {
    return null;
  }
}
