import { Form, type FormProps } from "@remix-run/react";
import { createContext, useContext, useEffect, useId, useRef, useState, type ReactNode } from "react";
import { firstValue, parseForm, rewriteFromKey, rewriteKey, type FieldErrors, type FormValues } from "~/lib/forms";
import { useLanguage } from "./i18n";
import { schemaNow, warmSchema, type SchemaSource } from "./lazy-schema";

type FormState = { errors: FieldErrors; values?: FormValues };
const FormStateContext = createContext<FormState>({ errors: {} });

const noErrors: FieldErrors = {};

/** What an action returns on a 400: the messages and the input, so the form shows both. */
export type FormFeedback = { errors?: FieldErrors; values?: FormValues } | undefined;

/**
 * A Remix <Form> that checks its zod schema in the browser before posting (the action checks the
 * same schema again). Without JavaScript it simply posts and the server's messages come back. A
 * lazy schema (see lazy-schema.ts) is fetched when the form is first focused.
 */
export function ValidatedForm({
  schema,
  feedback,
  children,
  ...props
}: { schema: SchemaSource; feedback?: FormFeedback; children: ReactNode } & FormProps) {
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  // New feedback from the server replaces the browser's messages. Compared by content: a page may
  // build the feedback afresh on every render. Adjusted while rendering, as React advises.
  const feedbackKey = JSON.stringify(feedback ?? null);
  const [seenFeedback, setSeenFeedback] = useState(feedbackKey);
  if (seenFeedback !== feedbackKey) {
    setSeenFeedback(feedbackKey);
    setClientErrors(null);
  }
  const language = useLanguage();
  const errors = clientErrors ?? feedback?.errors ?? noErrors;

  useEffect(() => {
    if (Object.keys(errors).length === 0) return;
    formRef.current?.querySelector<HTMLElement>("[aria-invalid='true']")?.focus();
  }, [errors]);

  return (
    <FormStateContext.Provider value={{ errors, values: feedback?.values }}>
      <Form
        ref={formRef}
        noValidate
        {...props}
        onFocus={(event) => {
          warmSchema(schema);
          props.onFocus?.(event);
        }}
        onSubmit={(event) => {
          const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
          const formData = new FormData(event.currentTarget, submitter);
          const checkWith = schemaNow(schema);
          const result = checkWith ? parseForm(checkWith, formData, language) : null;
          if (result && !result.ok) {
            event.preventDefault();
            setClientErrors(result.errors);
          } else {
            setClientErrors(null);
          }
          props.onSubmit?.(event);
        }}
      >
        {errors.form ? (
          <div className="form-error" role="alert">
            {errors.form}
          </div>
        ) : null}
        {children}
      </Form>
    </FormStateContext.Provider>
  );
}

function useField(name: string, defaultValue?: string | null) {
  const { errors, values } = useContext(FormStateContext);
  const id = useId();
  const error = errors[name];
  const kept = values ? firstValue(values, name) : undefined;
  return {
    id,
    error,
    rewrite: errors[rewriteKey(name)],
    errorId: `${id}-error`,
    hintId: `${id}-hint`,
    value: kept ?? defaultValue ?? "",
    kept: values?.[name],
    hasKeptValues: values !== undefined,
  };
}

type FieldProps = {
  name: string;
  label: string;
  hint?: string;
  defaultValue?: string | number | null;
  type?: "text" | "email" | "password" | "date" | "tel" | "number" | "url" | "time" | "search";
  required?: boolean;
  autoComplete?: string;
  placeholder?: string;
  multiline?: boolean;
  inputMode?: "numeric" | "text";
  /** A number, or an ISO date for a date field (the days its schema allows). */
  min?: number | string;
  max?: number | string;
};

export function Field({ name, label, hint, defaultValue, type = "text", multiline, ...rest }: FieldProps) {
  const f = useField(name, defaultValue == null ? null : String(defaultValue));
  const describedBy = [hint ? f.hintId : null, f.error ? f.errorId : null].filter(Boolean).join(" ") || undefined;
  const common = {
    id: f.id,
    name,
    defaultValue: f.value,
    "aria-invalid": f.error ? true : undefined,
    "aria-describedby": describedBy,
    required: rest.required,
  };
  return (
    <div className="field">
      <label htmlFor={f.id}>{label}</label>
      {hint ? (
        <span id={f.hintId} className="hint">
          {hint}
        </span>
      ) : null}
      {multiline ? (
        <textarea {...common} />
      ) : (
        <input
          {...common}
          type={type}
          autoComplete={rest.autoComplete}
          placeholder={rest.placeholder}
          inputMode={rest.inputMode}
          min={rest.min}
          max={rest.max}
        />
      )}
      {f.error ? (
        <span id={f.errorId} className="field-error">
          {f.error}
        </span>
      ) : null}
      <RewriteOffer name={name} rewrite={f.rewrite} from={f.value} />
    </div>
  );
}

/**
 * The one-click rewrite beside a field the guard refused: the rewritten text, and a submit
 * button that posts it in the field's place (works without JavaScript; see rewriteKey).
 */
export function RewriteOffer({ name, rewrite, from }: { name: string; rewrite: string | undefined; from: string }) {
  if (rewrite === undefined) return null;
  return (
    <div className="rewrite-offer">
      <input type="hidden" name={rewriteFromKey(name)} value={from} />
      <span className="hint">Rewritten:</span> <span className="rewrite-offer__text">{rewrite}</span>{" "}
      <button type="submit" name={rewriteKey(name)} value={rewrite} className="button button--small">
        Save with this rewrite
      </button>
    </div>
  );
}

export function SelectField({
  name,
  label,
  options,
  defaultValue,
  hint,
  placeholder,
}: {
  name: string;
  label: string;
  options: readonly { value: string; label: string }[];
  defaultValue?: string | number | null;
  hint?: string;
  placeholder?: string;
}) {
  const f = useField(name, defaultValue == null ? null : String(defaultValue));
  const describedBy = [hint ? f.hintId : null, f.error ? f.errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={f.id}>{label}</label>
      {hint ? (
        <span id={f.hintId} className="hint">
          {hint}
        </span>
      ) : null}
      <select
        id={f.id}
        name={name}
        defaultValue={f.value}
        aria-invalid={f.error ? true : undefined}
        aria-describedby={describedBy}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {f.error ? (
        <span id={f.errorId} className="field-error">
          {f.error}
        </span>
      ) : null}
    </div>
  );
}

export function CheckboxField({
  name,
  label,
  defaultChecked,
}: {
  name: string;
  label: string;
  defaultChecked?: boolean;
}) {
  const f = useField(name);
  const checked = f.hasKeptValues ? f.kept !== undefined : defaultChecked;
  return (
    <div className="field">
      <label className="checkbox">
        <input type="checkbox" name={name} defaultChecked={checked} />
        {label}
      </label>
      {f.error ? <span className="field-error">{f.error}</span> : null}
    </div>
  );
}

/** An error for a field the form shows in its own way (a group, a table of rows). */
export function useFieldError(name: string): string | undefined {
  return useContext(FormStateContext).errors[name];
}
