import { errorSummary, formErrors, textField } from './forms.js';

describe('forms', () => {
  const messages = { fullName: 'Tulis nama lengkap Anda.', phone: 'Tulis nomor HP yang benar.' };

  it("keeps one Indonesian message per field, the page's own, whatever the API said", () => {
    const errors = formErrors(
      [
        { field: 'fullName', message: 'fullName must be a text of 3 to 100 characters' },
        { field: 'fullName', message: 'fullName must be a string' },
        { field: 'consent', message: 'consent must be true' },
      ],
      messages,
    );
    expect(errors).toEqual({ fullName: 'Tulis nama lengkap Anda.', consent: 'Isian ini belum benar.' });
  });

  it('puts the message next to its input and ties them together for screen readers', () => {
    const markup = textField({ name: 'fullName', label: 'Nama lengkap', value: '"Al"', errors: { fullName: 'Tulis nama lengkap Anda.' } }).toString();
    expect(markup).toContain('<div class="field field--error">');
    expect(markup).toContain('<span class="field__error" id="field-fullName-error">Tulis nama lengkap Anda.</span>');
    expect(markup).toContain('value="&quot;Al&quot;" aria-invalid="true" aria-describedby="field-fullName-error"');
    expect(textField({ name: 'phone', label: 'Nomor HP' }).toString()).not.toContain('aria-invalid');
  });

  it('lists the errors in the order of the form, linking to each field; nothing without errors', () => {
    const summary = errorSummary({ phone: 'Tulis nomor HP yang benar.', fullName: 'Tulis nama lengkap Anda.' }, { fullName: 'Nama lengkap', phone: 'Nomor HP' })?.toString() ?? '';
    expect(summary.indexOf('#field-fullName')).toBeLessThan(summary.indexOf('#field-phone'));
    expect(summary).toContain('<a href="#field-phone">Nomor HP: Tulis nomor HP yang benar.</a>');
    expect(errorSummary({}, { fullName: 'Nama lengkap' })).toBeNull();
  });
});
