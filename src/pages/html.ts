/**
 * HTML for pages people open (RSVP, door app, pledge signing, verification, report), written
 * as a tagged template that escapes every interpolated value:
 *
 *   html`<p>Yth. ${invitation.addresseeTitle}</p>`
 *
 * Text from users and from the database always goes through `${…}` and is escaped; only the
 * result of another html`…` (or an array of them) is inserted as markup. There is deliberately
 * no way to insert a raw string.
 */

/** Markup produced by `html`…``: safe to insert into another template as it is. */
export class SafeHtml {
  /** Only `html` makes one: a string never becomes markup by accident. */
  private constructor(private readonly markup: string) {}

  static fromTemplate(strings: TemplateStringsArray, values: readonly unknown[]): SafeHtml {
    let markup = strings[0];
    for (let index = 0; index < values.length; index += 1) {
      markup += render(values[index]) + strings[index + 1];
    }
    return new SafeHtml(markup);
  }

  toString(): string {
    return this.markup;
  }
}

/**
 * Interpolated values: SafeHtml as markup; arrays joined (lists of rows); null, undefined and
 * false as nothing (`${error && html`…`}`); anything else as escaped text.
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  return SafeHtml.fromTemplate(strings, values);
}

function render(value: unknown): string {
  if (value instanceof SafeHtml) return value.toString();
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and for quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character]);
}
