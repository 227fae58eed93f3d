/**
 * One time budget for a whole parse (option `timeoutMs`): extraction, layout,
 * grammar and build all spend from the same deadline. Extraction runs in a
 * worker that is terminated when the deadline passes; the text stages run in
 * the caller's thread, are linear in the length of their input, and poll the
 * deadline between pages and between stages.
 */
import { BudgetExceededError, InvalidInputError } from "./errors.js";

export const DEFAULT_TIMEOUT_MS = 60_000;
/** Without an explicit timeoutMs, each page read by OCR adds this much to the default budget. */
export const DEFAULT_OCR_MS_PER_PAGE = 20_000;

/** What a stage needs of the budget: a check it can call between pages. */
export interface Budget {
  /** Throws TIME_LIMIT_EXCEEDED once the deadline has passed; `stage` names where it was noticed. */
  check(stage: string): void;
}

/** No limit: for stages called on their own (tests, bench). */
export const UNLIMITED: Budget = { check: () => undefined };

/** A deadline that can be polled, and that can also reject a race or arm a timer through {@link expired}. */
export class Deadline implements Budget {
  private end: number;

  constructor(public ms: number) {
    if (typeof ms !== "number" || !(ms >= 0)) throw new InvalidInputError(`timeoutMs must be a number >= 0, got ${String(ms)}`);
    this.end = Date.now() + ms;
  }

  /** More time: pages read by OCR, which the default budget does not foresee. Armed timers follow. */
  extend(ms: number): void {
    if (!(ms > 0)) return;
    this.ms += ms;
    this.end += ms;
  }

  /** Milliseconds left, never below 0. */
  remaining(): number {
    return Math.max(0, this.end - Date.now());
  }

  check(stage: string): void {
    if (Date.now() > this.end) throw this.error(stage);
  }

  error(stage: string): BudgetExceededError {
    return new BudgetExceededError("TIME_LIMIT_EXCEEDED", `Parsing took longer than the ${this.ms} ms allowed (option timeoutMs); gave up while ${stage}.`);
  }

  /**
   * A promise that rejects when the deadline passes, and the function that
   * disarms it. The timer keeps the process alive until then: whoever awaits the
   * parse gets an answer even if what it waits on never settles.
   */
  expired(stage: string): { promise: Promise<never>; clear: () => void } {
    let clear = () => undefined as void;
    const promise = new Promise<never>((_, reject) => {
      clear = this.onExpiry(() => reject(this.error(stage)));
    });
    promise.catch(() => undefined);
    return { promise, clear };
  }

  /** Call `fire` once the deadline has passed; returns the function that cancels it. */
  onExpiry(fire: () => void): () => void {
    let timer: ReturnType<typeof setTimeout>;
    // setTimeout takes at most 2^31 - 1 ms (about 24 days); a longer budget re-arms.
    // A timer that fires early (the deadline was extended since it was armed) arms again.
    const arm = () => {
      const left = this.remaining();
      timer = setTimeout(() => (this.remaining() > 0 ? arm() : fire()), Math.min(left, MAX_TIMER_MS));
    };
    arm();
    return () => clearTimeout(timer);
  }
}

const MAX_TIMER_MS = 2 ** 31 - 1;

/** Node's timers have unref(); a browser's are numbers. */
export function unref(timer: unknown): void {
  if (typeof timer === "object" && timer !== null && "unref" in timer && typeof timer.unref === "function") timer.unref();
}
