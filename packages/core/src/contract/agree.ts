/**
 * Compile-time agreement between a contract schema's type and the core type it describes: the two
 * must have the same fields, optional the same way, with the same value types (readonly-ness and
 * an optional field's `| undefined` aside). A field added on one side and not on the other fails
 * `tsc`, so the schema cannot fall behind the core result it validates.
 */

/** `T` with `readonly` removed and `undefined` dropped from optional fields, all the way down. */
export type Normalized<T> = T extends readonly unknown[]
  ? { -readonly [K in keyof T]: Normalized<T[K]> }
  : T extends object
    ? { -readonly [K in keyof T]: Normalized<Exclude<T[K], undefined>> }
    : T;

/** `true` when `A` and `B` are the same type (the identity test of the TypeScript checker). */
export type Same<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** `true` when `A` and `B` agree as JSON shapes (see {@link Normalized}). */
export type Agree<A, B> = Same<Normalized<A>, Normalized<B>>;

/** Compiles only when `T` is `true`: `type _ = Assert<Agree<Schema, Core>>`. */
export type Assert<T extends true> = T;
