import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Caller } from '../common/caller.js';
import { ConflictError, NotFoundError } from '../common/errors.js';
import { type Page, page } from '../common/pagination.js';
import { containsPattern } from '../common/sql.js';
import { transaction } from '../common/transaction.js';
import { type CreateElectionDto, type ElectionQuery, type ElectionResponse, toElectionResponse } from './dto/election.dto.js';
import { Election } from './election.entity.js';

/** Elections are national reference data: every role reads them, only ADMIN adds them. */
@Injectable()
export class ElectionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(query: ElectionQuery): Promise<Page<ElectionResponse>> {
    const qb = this.dataSource.getRepository(Election).createQueryBuilder('el');
    if (query.type) qb.andWhere('el.type = :type', { type: query.type });
    if (query.q) qb.andWhere('el.name ILIKE :q', { q: containsPattern(query.q) });
    const [rows, total] = await qb.orderBy('el.voting_date', 'DESC').addOrderBy('el.name').take(query.limit).skip(query.offset).getManyAndCount();
    return page(rows, total, query, toElectionResponse);
  }

  async get(id: string): Promise<ElectionResponse> {
    const election = await this.dataSource.manager.findOneBy(Election, { id });
    if (!election) throw new NotFoundError('Election', id);
    return toElectionResponse(election);
  }

  async create(caller: Caller, dto: CreateElectionDto): Promise<ElectionResponse> {
    return transaction(this.dataSource, async (manager) => {
      // Case-insensitive, as the unique index on lower(name) is; the index decides a race.
      const existing = await manager.createQueryBuilder(Election, 'el').where('lower(el.name) = lower(:name)', { name: dto.name }).getOne();
      if (existing) {
        throw new ConflictError(`An election named "${existing.name}" already exists (${existing.id})`, 'duplicate-name', {
          existingElectionId: existing.id,
          errors: [{ field: 'name', message: 'is already used' }],
        });
      }
      const election = await manager.save(Election, manager.create(Election, dto));
      await this.audit.record(manager, caller, { action: 'create', entity: 'election', entityId: election.id, regionId: null, changes: { ...dto } });
      return toElectionResponse(election);
    });
  }
}
