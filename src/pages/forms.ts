import type { FieldError } from '../common/errors.js';
import { html, type SafeHtml } from './html.js';

/** One message in Bahasa Indonesia per field in error, keyed by the field's name. */
export type FormErrors = Readonly<Record<string, string>>;

const FALLBACK_MESSAGE = 'Isian ini belum benar.';

/**
 * The API's field errors (English, from the DTO's validation: `validateInput(Dto, body)`) as a
 * page shows them: the page's own Indonesian message for each field in error, once per field.
 *
 *   formErrors(errors, { signatureName: 'Tulis nama lengkap Anda sesuai KTP.' })
 */
export function formErrors(errors: readonly FieldError[], messages: Readonly<Record<string, string>>): FormErrors {
  const result: Record<string, string> = {};
  for (const { field } of errors) result[field] ??= messages[field] ?? FALLBACK_MESSAGE;
  return result;
}

export interface TextFieldOptions {
  /** The form field's name, as the DTO names it: `signatureName`. */
  name: string;
  label: string;
  value?: string | number | null;
  type?: 'text' | 'email' | 'password' | 'tel' | 'number' | 'date' | 'search';
  /** A line under the label: "Sesuai KTP, dengan gelar". */
  hint?: string;
  required?: boolean;
  autocomplete?: string;
  inputmode?: 'text' | 'numeric' | 'tel' | 'email' | 'search';
  errors?: FormErrors;
}

/**
 * A labelled input with its hint and, when the field is in error, the message right above the
 * input, tied to it for screen readers (aria-describedby, aria-invalid).
 */
export function textField(options: TextFieldOptions): SafeHtml {
  const id = fieldId(options.name);
  const error = options.errors?.[options.name];
  const described = [options.hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  return html`<div class="field${error ? ' field--error' : ''}">
<label for="${id}">${options.label}</label>
${options.hint && html`<span class="field__hint" id="${id}-hint">${options.hint}</span>`}
${error && html`<span class="field__error" id="${id}-error">${error}</span>`}
<input type="${options.type ?? 'text'}" id="${id}" name="${options.name}" value="${options.value ?? ''}"${attribute('required', options.required)}${attribute('aria-invalid', error ? 'true' : undefined)}${attribute('aria-describedby', described || undefined)}${attribute('autocomplete', options.autocomplete)}${attribute('inputmode', options.inputmode)}>
</div>
`;
}

/**
 * The box at the top of a form shown again with errors, linking each message to its field. It
 * takes the focus when the page loads (pages.js), so phones scroll to it and screen readers read it.
 * `labels` names the fields as the form labels them, in the order of the form.
 */
export function errorSummary(errors: FormErrors, labels: Readonly<Record<string, string>>): SafeHtml | null {
  const fields = Object.keys(labels).filter((name) => errors[name]);
  const others = Object.keys(errors).filter((name) => !(name in labels));
  if (fields.length + others.length === 0) return null;
  return html`<div class="error-summary" role="alert" tabindex="-1">
<h2>Periksa kembali isian berikut</h2>
<ul>
${fields.map((name) => html`<li><a href="#${fieldId(name)}">${labels[name]}: ${errors[name]}</a></li>\n`)}${others.map((name) => html`<li>${errors[name]}</li>\n`)}</ul>
</div>
`;
}

/** The id of a field's input, the target of the summary's links: `field-signatureName`. */
export function fieldId(name: string): string {
  return `field-${name}`;
}

/** ` name="value"`, ` name` for true, nothing for false or undefined. */
function attribute(name: string, value: string | boolean | undefined): SafeHtml | null {
  if (value === undefined || value === false) return null;
  return value === true ? html` ${name}` : html` ${name}="${value}"`;
}
