import type { enIN } from "./en-IN";

type Shape<T> = { readonly [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/** Every language has every key of the English catalogue (the compiler checks Marathi and Hindi). */
export type Catalogue = Shape<typeof enIN>;

type Leaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** i18next's plural suffixes: a key written `minutes` is looked up as `minutes_one` / `minutes_other`. */
type WithoutPlural<K extends string> = K extends `${infer Base}_${"one" | "other"}` ? Base : K;

/** A key of the catalogue, as code writes it: "login.heading", "count.minutes". */
export type MessageKey = WithoutPlural<Leaves<typeof enIN>>;
