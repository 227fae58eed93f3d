// pdfjs-dist ships no types for its worker script; only its entry point is used here.
declare module "pdfjs-dist/legacy/build/pdf.worker.mjs" {
  export const WorkerMessageHandler: { initializeFromPort(port: MessagePort): void };
}
