import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Agency, type Headcount } from '../agencies/agency.entity.js';
import { AuditService } from '../audit/audit.service.js';
import type { Caller } from '../common/caller.js';
import { NotFoundError, ValidationError } from '../common/errors.js';
import { type Page, page, type PageQuery } from '../common/pagination.js';
import { findInReach, oneInReach } from '../common/scope.js';
import { transaction } from '../common/transaction.js';
import { FileStore } from '../files/file-store.js';
import type { Upload } from '../files/file-upload.js';
import { extensionOf } from '../files/media-type.js';
import { StoredFile } from '../files/stored-file.entity.js';
import { Cascade } from './cascade.entity.js';
import { type CascadeEvidenceResponse, type CascadeResponse, type CreateCascadeDto, toCascadeEvidenceResponse, toCascadeResponse } from './dto/cascade.dto.js';

/** A photo or a scanned attendance list; the same bound as a surat tugas. */
export const MAX_CASCADE_EVIDENCE_BYTES = 10 * 1024 * 1024;

const HEADCOUNT_TYPES: ReadonlyArray<keyof Headcount> = ['pns', 'pppk', 'nonAsn'];

export interface EvidenceDownload {
  file: StoredFile;
  filename: string;
  stream: Readable;
}

/**
 * Cascade sessions (DESIGN §2): an agency relaying the material to its own staff. Recorded by the
 * agency's AGENCY_REP or an organizer; their `reached` counts feed coverage (DESIGN §5).
 */
@Injectable()
export class CascadesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly files: FileStore,
    private readonly audit: AuditService,
  ) {}

  /**
   * Records a cascade. The agency row is locked for the check, so a headcount lowered at the same
   * moment cannot slip a cascade above it; each reached count is at most the agency's headcount of
   * that type (400 naming `reached.<type>`).
   */
  async create(caller: Caller, agencyId: string, dto: CreateCascadeDto): Promise<CascadeResponse> {
    return transaction(this.dataSource, async (manager) => {
      const agency = await findInReach(manager, caller, Agency, agencyId, { lock: true });
      const errors = HEADCOUNT_TYPES.filter((type) => dto.reached[type] > agency.headcount[type]).map((type) => ({
        field: `reached.${type}`,
        message: `reached.${type} (${dto.reached[type]}) must not exceed the agency's headcount of ${type} (${agency.headcount[type]})`,
      }));
      if (errors.length > 0) throw new ValidationError(errors);
      await this.assertHeldOnNotFuture(manager, agency.regionId, dto.heldOn);
      if (dto.sourceEventId) await this.assertSourceEvent(manager, agency.regionId, dto.sourceEventId);
      const saved = await manager.save(
        Cascade,
        manager.create(Cascade, {
          regionId: agency.regionId,
          agencyId: agency.id,
          heldOn: dto.heldOn,
          reached: { pns: dto.reached.pns, pppk: dto.reached.pppk, nonAsn: dto.reached.nonAsn },
          sourceEventId: dto.sourceEventId ?? null,
          notes: dto.notes ?? null,
          recordedBy: caller.userId,
        }),
      );
      await this.audit.record(manager, caller, {
        action: 'create',
        entity: 'cascade',
        entityId: saved.id,
        regionId: saved.regionId,
        changes: { agencyId: saved.agencyId, heldOn: saved.heldOn, reached: saved.reached, sourceEventId: saved.sourceEventId },
      });
      return toCascadeResponse(await this.findCascade(manager, caller, saved.id));
    });
  }

  /** An agency's cascades, latest first. */
  async list(caller: Caller, agencyId: string, query: PageQuery): Promise<Page<CascadeResponse>> {
    const manager = this.dataSource.manager;
    const agency = await findInReach(manager, caller, Agency, agencyId);
    const [rows, total] = await manager
      .createQueryBuilder(Cascade, 'c')
      .leftJoinAndSelect('c.evidenceFile', 'f')
      .where('c.regionId = :regionId AND c.agencyId = :agencyId', { regionId: agency.regionId, agencyId: agency.id })
      .orderBy('c.heldOn', 'DESC')
      .addOrderBy('c.createdAt', 'DESC')
      .addOrderBy('c.id')
      .take(query.limit)
      .skip(query.offset)
      .getManyAndCount();
    return page(rows, total, query, toCascadeResponse);
  }

  /**
   * Attaches the evidence (a photo or the internal attendance list), replacing the previous one.
   * The cascade is looked up before a byte of the file is read (out of reach: 404).
   */
  async uploadEvidence(caller: Caller, id: string, upload: Upload): Promise<CascadeEvidenceResponse> {
    const { regionId } = await this.findCascade(this.dataSource.manager, caller, id);
    const received = await this.files.receive(upload);
    return this.files.keep(received, regionId, async (manager, file) => {
      // Lock the cascade row alone, then read the file it names now: a row joined to a locked
      // row is not re-read after waiting for the lock, so a concurrent replacement's file
      // would be missed (and left behind) if it came from the same statement.
      const locked = await findInReach(manager, caller, Cascade, id, { lock: true });
      const previous = locked.evidenceFileId ? await manager.findOneByOrFail(StoredFile, { id: locked.evidenceFileId }) : null;
      await manager.update(Cascade, { id }, { evidenceFileId: file.id });
      const released = previous ? [await this.files.release(manager, previous)] : [];
      await this.audit.record(manager, caller, {
        action: 'upload-evidence',
        entity: 'cascade',
        entityId: id,
        regionId: locked.regionId,
        changes: { fileId: file.id, mediaType: file.mediaType, byteSize: file.byteSize, sha256: file.sha256, replacedFileId: locked.evidenceFileId },
      });
      return { result: toCascadeEvidenceResponse(file), released };
    });
  }

  async downloadEvidence(caller: Caller, id: string): Promise<EvidenceDownload> {
    const cascade = await this.findCascade(this.dataSource.manager, caller, id);
    const file = cascade.evidenceFile;
    if (!file) throw new NotFoundError(`The evidence of cascade ${id}`);
    return { file, filename: file.originalName ?? `bukti-sosialisasi-${cascade.heldOn}.${extensionOf(file.mediaType)}`, stream: this.files.open(file) };
  }

  private findCascade(manager: EntityManager, caller: Caller, id: string): Promise<Cascade> {
    return oneInReach(manager.createQueryBuilder(Cascade, 'c').leftJoinAndSelect('c.evidenceFile', 'f'), caller, id);
  }

  /** A cascade reports what happened: not a day still to come in the region's own calendar. */
  private async assertHeldOnNotFuture(manager: EntityManager, regionId: string, heldOn: string): Promise<void> {
    const [{ today }] = await manager.query<Array<{ today: string }>>(
      `SELECT to_char((now() AT TIME ZONE timezone)::date, 'YYYY-MM-DD') AS today FROM regions WHERE id = $1`,
      [regionId],
    );
    if (heldOn > today) throw ValidationError.field('heldOn', `heldOn must not be after today (${today} in the region)`);
  }

  /** The relayed event must be one of the agency's region (400 naming the field otherwise, whatever exists elsewhere). */
  private async assertSourceEvent(manager: EntityManager, regionId: string, eventId: string): Promise<void> {
    const rows = await manager.query<unknown[]>(`SELECT 1 FROM events WHERE region_id = $1 AND id = $2 AND status <> 'CANCELLED'`, [regionId, eventId]);
    if (rows.length === 0) throw ValidationError.field('sourceEventId', "sourceEventId must be an event (not cancelled) of the agency's region");
  }
}
