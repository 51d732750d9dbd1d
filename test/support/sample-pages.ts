/**
 * A test-only page built the way the feature pages are (RSVP, signing, verification): a form
 * with errors shown next to its fields, a path that answers HTML or JSON by Accept, and error
 * pages. Added to the app by `createTestApp({}, { imports: [SamplePagesModule] })`.
 */
import { Body, Controller, Get, HttpCode, Module, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { IsOptional, Matches } from 'class-validator';
import { Public } from '../../src/common/caller.js';
import { NotFoundError, ValidationError } from '../../src/common/errors.js';
import { IdParam, IsText, Trim, TrimToNull, validateInput } from '../../src/common/validation.js';
import type { Issuer } from '../../src/documents/letterhead.js';
import { errorSummary, type FormErrors, formErrors, textField } from '../../src/pages/forms.js';
import { html } from '../../src/pages/html.js';
import { renderPage } from '../../src/pages/layout.js';
import { pageOrJson, PageRoute, prefersHtml, sendPage } from '../../src/pages/page-response.js';
import { OfficeService } from '../../src/regions/office.service.js';

class SampleFormDto {
  @Trim()
  @IsText(3, 100)
  fullName: string;

  @IsOptional()
  @TrimToNull()
  @Matches(/^[+(]?\d[\d ().-]{5,28}$/, { message: 'phone must be a phone number' })
  phone?: string | null;
}

/** The form's own words for each field: labels, and the message shown when it is not right. */
const LABELS = { fullName: 'Nama lengkap', phone: 'Nomor HP' };
const MESSAGES = { fullName: 'Tulis nama lengkap Anda, paling sedikit 3 huruf.', phone: 'Tulis nomor HP yang dapat dihubungi, misalnya 0812-3456-7890.' };

export const SAMPLE_ITEMS: Record<string, { code: string; title: string }> = {
  'ABC-123': { code: 'ABC-123', title: 'Sosialisasi Netralitas ASN <Pilkada 2024>' },
};

function formPage(issuer: Issuer, values: Record<string, unknown>, errors: FormErrors) {
  return renderPage({
    title: 'Konfirmasi Kehadiran',
    issuer,
    body: html`<p>Isi nama Anda untuk mengonfirmasi kehadiran pada acara sosialisasi netralitas ASN.</p>
${errorSummary(errors, LABELS)}<form method="post" class="card" novalidate>
${textField({ name: 'fullName', label: LABELS.fullName, hint: 'Sesuai KTP, dengan gelar', value: values.fullName as string, autocomplete: 'name', required: true, errors })}
${textField({ name: 'phone', label: LABELS.phone, type: 'tel', inputmode: 'tel', value: values.phone as string, autocomplete: 'tel', errors })}
<button type="submit" class="button button--block" data-sending="Mengirim…">Kirim konfirmasi</button>
</form>
`,
  });
}

@Public()
@Controller('test-pages')
class SamplePagesController {
  constructor(private readonly offices: OfficeService) {}

  @Get('form/:regionId')
  @PageRoute()
  async form(@IdParam('regionId') regionId: string, @Res({ passthrough: true }) reply: FastifyReply) {
    return sendPage(reply, formPage(await this.offices.issuer(regionId), {}, {}));
  }

  /** The page's form (urlencoded) or JSON: errors go next to the fields for people, into problem+json for programs. */
  @Post('form/:regionId')
  @PageRoute()
  @HttpCode(200)
  async submit(@IdParam('regionId') regionId: string, @Body() body: Record<string, unknown>, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const issuer = await this.offices.issuer(regionId);
    const { value, errors } = validateInput(SampleFormDto, body ?? {});
    if (errors.length > 0) {
      if (!prefersHtml(request)) throw new ValidationError(errors);
      return sendPage(reply, formPage(issuer, body ?? {}, formErrors(errors, MESSAGES)), 400);
    }
    const answer = { fullName: value.fullName, phone: value.phone ?? null };
    return pageOrJson(request, reply, answer, () =>
      renderPage({ title: 'Terima kasih', issuer, body: html`<p class="notice notice--ok">Konfirmasi atas nama <strong>${value.fullName}</strong> sudah kami terima.</p>\n` }),
    );
  }

  @Get('items/:code')
  @PageRoute()
  item(@Param('code') code: string, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const item = SAMPLE_ITEMS[code];
    if (!item) throw new NotFoundError('Item', code);
    return pageOrJson(request, reply, item, () => renderPage({ title: item.title, body: html`<p>Kode: ${item.code}</p>\n` }));
  }
}

@Module({ controllers: [SamplePagesController] })
export class SamplePagesModule {}
