/** Minimal typings for `french-badwords-list` (the package ships none). */
declare module 'french-badwords-list' {
  /** Every entry of the list, leetspeak variants included. */
  export const array: readonly string[];
}
