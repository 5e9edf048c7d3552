/**
 * The type of a loose response object with valibot's `[key: string]: unknown` index signature
 * removed, deeply. At run time unknown fields are kept (APIs add fields); in types only the
 * documented ones exist, so a typo like `message.stauts` is a compile error, not `unknown`.
 */
export type Known<T> = T extends string | number | boolean | bigint | symbol | null | undefined
  ? T
  : T extends readonly (infer U)[]
    ? Known<U>[]
    : T extends object
      ? { [K in keyof T as string extends K ? never : number extends K ? never : K]: Known<T[K]> }
      : T
