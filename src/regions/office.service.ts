import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Caller } from '../common/caller.js';
import { NotFoundError } from '../common/errors.js';
import { findInReach } from '../common/scope.js';
import { transaction } from '../common/transaction.js';
import type { Issuer } from '../documents/letterhead.js';
import { type OfficeResponse, type PutOfficeDto, toOfficeDetails, toOfficeResponse, unsetOfficeResponse } from './dto/office.dto.js';
import { RegionOffice } from './office.entity.js';
import { Region } from './region.entity.js';

/** The Kesbangpol office of a region: its letterhead and signatory (DESIGN §4, "Office"). */
@Injectable()
export class OfficeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Everyone whose reach includes the region reads its office: their pages and documents print it. */
  async get(caller: Caller, regionId: string): Promise<OfficeResponse> {
    await findInReach(this.dataSource.manager, caller, Region, regionId);
    const office = await this.findOffice(this.dataSource.manager, regionId);
    return office ? toOfficeResponse(office) : unsetOfficeResponse(regionId);
  }

  /** Sets the whole office at once, creating it on first use. */
  async put(caller: Caller, regionId: string, dto: PutOfficeDto): Promise<OfficeResponse> {
    return transaction(this.dataSource, async (manager) => {
      await findInReach(manager, caller, Region, regionId);
      // One statement: concurrent PUTs never leave a mix of two bodies, the last to commit wins
      // whole, and the first one creates the row however many arrive together.
      const [{ created }] = (await manager.query(
        `INSERT INTO region_offices (region_id, government, name, address, phone, email, website, city,
                                     signatory_name, signatory_position, signatory_rank, signatory_nip)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT (region_id) DO UPDATE SET
           government = EXCLUDED.government, name = EXCLUDED.name, address = EXCLUDED.address,
           phone = EXCLUDED.phone, email = EXCLUDED.email, website = EXCLUDED.website, city = EXCLUDED.city,
           signatory_name = EXCLUDED.signatory_name, signatory_position = EXCLUDED.signatory_position,
           signatory_rank = EXCLUDED.signatory_rank, signatory_nip = EXCLUDED.signatory_nip,
           updated_at = now()
         RETURNING (xmax = 0) AS created`,
        [
          regionId,
          dto.government,
          dto.name,
          dto.address,
          dto.phone ?? null,
          dto.email ?? null,
          dto.website ?? null,
          dto.city,
          dto.signatory.name,
          dto.signatory.position,
          dto.signatory.rank ?? null,
          dto.signatory.nip ?? null,
        ],
      )) as Array<{ created: boolean }>;
      await this.audit.record(manager, caller, { action: created ? 'create' : 'update', entity: 'office', entityId: regionId, regionId, changes: { ...dto } });
      return toOfficeResponse(await manager.findOneByOrFail(RegionOffice, { regionId }));
    });
  }

  /**
   * Who the region's documents come from: its office, or the region alone while none is set.
   * Not scoped to a caller: features call it for a region they have already reached (the
   * event's, the invitation's), and public pages for the region of a valid token.
   */
  async issuer(regionId: string, manager: EntityManager = this.dataSource.manager): Promise<Issuer> {
    const region = await manager.findOneBy(Region, { id: regionId });
    if (!region) throw new NotFoundError('Region', regionId);
    const office = await this.findOffice(manager, regionId);
    return { regionName: region.name, regionLevel: region.level, timezone: region.timezone, office: office && toOfficeDetails(office) };
  }

  private findOffice(manager: EntityManager, regionId: string): Promise<RegionOffice | null> {
    return manager.findOneBy(RegionOffice, { regionId });
  }
}
