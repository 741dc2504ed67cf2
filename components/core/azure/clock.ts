/**
 * The library's notion of "today", used for VM size retirement checks.
 *
 * Retirement rules depend on the date, so tests must be able to pin it: `setClock` replaces the
 * source of the current time and returns a function that restores the previous one.
 */
let source: () => Date = () => new Date();

/** The current date as the library sees it. */
export function now(): Date {
    return source();
}

/** Replaces the clock (tests only); returns a function that restores the previous clock. */
export function setClock(next: () => Date): () => void {
    const previous = source;
    source = next;
    return () => {
        source = previous;
    };
}
