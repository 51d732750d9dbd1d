import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Caller } from '../common/caller.js';
import { NotFoundError } from '../common/errors.js';
import { type Page, page } from '../common/pagination.js';
import { containsPattern } from '../common/sql.js';
import { transaction } from '../common/transaction.js';
import { type CreatePledgeTemplateDto, type PledgeTemplateQuery, type PledgeTemplateResponse, toPledgeTemplateResponse } from './dto/pledge-template.dto.js';
import { templateTextHash } from './pledge-hash.js';
import { PledgeTemplate } from './pledge-template.entity.js';

/**
 * Pledge templates: national reference data, read by every signed-in role, written by ADMIN.
 * A template's text is never edited (a trigger refuses it): a change is a new version, written
 * with the same title, and the pledges signed under the old version keep pointing at it.
 */
@Injectable()
export class PledgeTemplatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(query: PledgeTemplateQuery): Promise<Page<PledgeTemplateResponse>> {
    const qb = this.dataSource.getRepository(PledgeTemplate).createQueryBuilder('t');
    if (query.active !== undefined) qb.andWhere('t.active = :active', { active: query.active });
    if (query.q) qb.andWhere('t.title ILIKE :q', { q: containsPattern(query.q) });
    const [rows, total] = await qb.orderBy('t.title').addOrderBy('t.version', 'DESC').take(query.limit).skip(query.offset).getManyAndCount();
    return page(rows, total, query, toPledgeTemplateResponse);
  }

  async get(id: string): Promise<PledgeTemplateResponse> {
    return toPledgeTemplateResponse(await this.findTemplate(id));
  }

  async findTemplate(id: string, manager: EntityManager = this.dataSource.manager): Promise<PledgeTemplate> {
    const template = await manager.findOneBy(PledgeTemplate, { id });
    if (!template) throw new NotFoundError('Pledge template', id);
    return template;
  }

  /**
   * The template an event's attendees sign by link, and whose absence means no `signUrl`: the
   * newest active template. Templates are national, and the office retires a version by writing
   * the next one, so there is one current text at a time.
   */
  async findCurrent(manager: EntityManager = this.dataSource.manager): Promise<PledgeTemplate | null> {
    return manager.createQueryBuilder(PledgeTemplate, 't').where('t.active').orderBy('t.created_at', 'DESC').addOrderBy('t.version', 'DESC').getOne();
  }

  /**
   * A new template, or the next version of a title already used (version = the highest + 1). An
   * active new version retires the older versions of its title: they stay valid for the pledges
   * signed under them but are no longer offered. Two concurrent writes of one title meet on the
   * unique (title, version); transaction() runs the loser again, which then takes the next number.
   */
  async create(caller: Caller, dto: CreatePledgeTemplateDto): Promise<PledgeTemplateResponse> {
    return transaction(this.dataSource, async (manager) => {
      const [{ version }] = (await manager.query('SELECT coalesce(max(version), 0) + 1 AS version FROM pledge_templates WHERE title = $1', [dto.title])) as Array<{ version: number }>;
      const active = dto.active ?? true;
      const text = { title: dto.title, version, clauses: dto.clauses, legalBasis: dto.legalBasis };
      if (active) await manager.query('UPDATE pledge_templates SET active = false WHERE title = $1 AND active', [dto.title]);
      const template = await manager.save(PledgeTemplate, manager.create(PledgeTemplate, { ...text, active, textHash: templateTextHash(text) }));
      await this.audit.record(manager, caller, { action: 'create', entity: 'pledge-template', entityId: template.id, regionId: null, changes: { ...text, active } });
      return toPledgeTemplateResponse(template);
    });
  }
}
