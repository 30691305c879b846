import type { z } from "zod";

/**
 * A form's zod schema that the browser fetches when the form is first used, not with the page.
 * zod is about a fifth of the run page's JavaScript, and on a slow district link the page should
 * answer before it arrives. Until it has arrived a submit goes unchecked to the action, which
 * checks the same schema and answers with the same messages (as it does without JavaScript).
 */
export type LazySchema<S extends z.ZodType = z.ZodType> = {
  /** The schema, once fetched. */
  readonly loaded: S | undefined;
  /** Fetches it (once); a failed fetch (offline, not kept) may be tried again. */
  load(): Promise<S>;
};

export function lazySchema<S extends z.ZodType>(fetchSchema: () => Promise<S>): LazySchema<S> {
  let loaded: S | undefined;
  let loading: Promise<S> | undefined;
  return {
    get loaded() {
      return loaded;
    },
    load() {
      loading ??= fetchSchema().then(
        (schema) => (loaded = schema),
        (error: unknown) => {
          loading = undefined;
          throw error;
        },
      );
      return loading;
    },
  };
}

export type SchemaSource = z.ZodType | LazySchema;

export const isLazySchema = (source: SchemaSource): source is LazySchema => "load" in source && "loaded" in source;

/** The schema to check with now, if the browser has it; and a way to start fetching it. */
export function schemaNow(source: SchemaSource): z.ZodType | undefined {
  return isLazySchema(source) ? source.loaded : source;
}
export function warmSchema(source: SchemaSource) {
  if (isLazySchema(source)) source.load().catch(() => undefined);
}
