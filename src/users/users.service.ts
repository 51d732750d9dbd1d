import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, type EntityManager } from 'typeorm';
import { Agency } from '../agencies/agency.entity.js';
import { AuditService } from '../audit/audit.service.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type { Caller } from '../common/caller.js';
import { ConflictError, ForbiddenError, ValidationError } from '../common/errors.js';
import { type Page, page } from '../common/pagination.js';
import { changedFields, hasChanges } from '../common/patch.js';
import { containsPattern } from '../common/sql.js';
import { findInReach, withinReach } from '../common/scope.js';
import { transaction } from '../common/transaction.js';
import { Region } from '../regions/region.entity.js';
import { type CreateUserDto, type UpdateUserDto, type UserQuery, type UserResponse, toUserResponse } from './dto/user.dto.js';
import { hashPassword } from './passwords.js';
import { REGION_BOUND_ROLES, type Role } from '../common/roles.js';
import { User } from './user.entity.js';

/** Roles an ORGANIZER may hand out inside its own region: door staff and agency contacts. */
const ORGANIZER_MANAGED_ROLES: readonly Role[] = ['AGENCY_REP', 'CHECKIN'];

interface Binding {
  role: Role;
  regionId: string | null;
  agencyId: string | null;
}

@Injectable()
export class UsersService implements OnApplicationBootstrap {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** On an empty database, the first ADMIN comes from ADMIN_EMAIL / ADMIN_PASSWORD. */
  async onApplicationBootstrap(): Promise<void> {
    const admin = this.config.admin;
    if (!admin) return;
    const passwordHash = await hashPassword(admin.password);
    await transaction(this.dataSource, async (manager) => {
      // The lock makes two processes starting together create one admin, not two.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['netralitas:first-admin']);
      if ((await manager.count(User)) > 0) return;
      const user = await manager.save(User, manager.create(User, { email: admin.email, fullName: 'Administrator', passwordHash, role: 'ADMIN', active: true }));
      await this.audit.record(manager, null, { action: 'create', entity: 'user', entityId: user.id, regionId: null, changes: { email: user.email, role: 'ADMIN', reason: 'first admin from ADMIN_EMAIL' } });
      this.logger.log(`Created the first ADMIN ${admin.email}`);
    });
  }

  async findMe(caller: Caller): Promise<UserResponse> {
    // The caller's own account, whatever its reach (an ADMIN has no region; the guard has just read it).
    return toUserResponse(await this.dataSource.manager.findOneByOrFail(User, { id: caller.userId }));
  }

  async list(caller: Caller, query: UserQuery): Promise<Page<UserResponse>> {
    // Users without a region (ADMINs) are within an ADMIN's reach only.
    const qb = withinReach(this.dataSource.getRepository(User).createQueryBuilder('u'), caller, { regionId: query.regionId });
    if (query.role) qb.andWhere('u.role = :role', { role: query.role });
    if (query.q) {
      qb.andWhere(new Brackets((w) => w.where('u.full_name ILIKE :q').orWhere('u.email ILIKE :q')), { q: containsPattern(query.q) });
    }
    const [rows, total] = await qb.orderBy('u.email').take(query.limit).skip(query.offset).getManyAndCount();
    return page(rows, total, query, toUserResponse);
  }

  async get(caller: Caller, id: string): Promise<UserResponse> {
    return toUserResponse(await findInReach(this.dataSource.manager, caller, User, id));
  }

  async create(caller: Caller, dto: CreateUserDto): Promise<UserResponse> {
    this.assertMayGrant(caller, dto.role);
    const passwordHash = await hashPassword(dto.password);
    return transaction(this.dataSource, async (manager) => {
      const binding = await this.resolveBinding(manager, caller, { role: dto.role, regionId: dto.regionId ?? null, agencyId: dto.agencyId ?? null });
      if (await manager.exists(User, { where: { email: dto.email } })) {
        throw new ConflictError(`A user with email ${dto.email} already exists`, 'duplicate-email', { errors: [{ field: 'email', message: 'is already registered' }] });
      }
      const user = await manager.save(User, manager.create(User, { email: dto.email, fullName: dto.fullName, passwordHash, ...binding, active: true }));
      await this.audit.record(manager, caller, { action: 'create', entity: 'user', entityId: user.id, regionId: user.regionId, changes: { email: user.email, fullName: user.fullName, ...binding } });
      return toUserResponse(user);
    });
  }

  async update(caller: Caller, id: string, dto: UpdateUserDto): Promise<UserResponse> {
    // A hash costs ~0.1 s of CPU and 64 MB: computed only for a user the caller may change (checked
    // first, without a lock), and before the transaction so the row lock is not held meanwhile.
    if (dto.password) this.assertMayGrant(caller, (await findInReach(this.dataSource.manager, caller, User, id)).role);
    const passwordHash = dto.password ? await hashPassword(dto.password) : undefined;
    return transaction(this.dataSource, async (manager) => {
      const user = await findInReach(manager, caller, User, id, { lock: true });
      this.assertMayGrant(caller, user.role);
      if (dto.role) this.assertMayGrant(caller, dto.role);
      if (user.id === caller.userId && (dto.active === false || (dto.role && dto.role !== user.role))) {
        throw new ConflictError('You cannot deactivate yourself or change your own role', 'self-lockout');
      }
      const bindingChanged = dto.role !== undefined || dto.regionId !== undefined || dto.agencyId !== undefined;
      const role = dto.role ?? user.role;
      // A role change drops the old binding unless a new one is given, except between the
      // region-bound roles (VIEWER ↔ CHECKIN ↔ ORGANIZER), which keep the region.
      const keepsRegion = role === user.role || (REGION_BOUND_ROLES.includes(role) && REGION_BOUND_ROLES.includes(user.role));
      const binding = bindingChanged
        ? await this.resolveBinding(manager, caller, {
            role,
            regionId: dto.regionId !== undefined ? dto.regionId : keepsRegion ? user.regionId : null,
            agencyId: dto.agencyId !== undefined ? dto.agencyId : role === user.role ? user.agencyId : null,
          })
        : {};
      const changes = changedFields(user, { ...pick(dto, ['fullName', 'active']), ...binding });
      if (!hasChanges(changes) && !passwordHash) return toUserResponse(user);
      // A new password or a deactivation revokes every token issued before it, for good: the
      // guard accepts only tokens carrying the current version (see AuthGuard).
      const revokesTokens = passwordHash !== undefined || changes.active === false;
      await manager.update(User, { id }, {
        ...changes,
        ...(passwordHash ? { passwordHash } : {}),
        ...(revokesTokens ? { tokenVersion: () => 'token_version + 1' } : {}),
      });
      await this.audit.record(manager, caller, {
        action: 'update',
        entity: 'user',
        entityId: id,
        regionId: changes.regionId !== undefined ? changes.regionId : user.regionId,
        changes: { ...changes, ...(passwordHash ? { passwordChanged: true } : {}) },
      });
      return toUserResponse(await manager.findOneByOrFail(User, { id }));
    });
  }

  private assertMayGrant(caller: Caller, role: Role): void {
    if (caller.role === 'ADMIN') return;
    if (caller.role === 'ORGANIZER' && ORGANIZER_MANAGED_ROLES.includes(role)) return;
    throw new ForbiddenError(`A ${caller.role} cannot manage ${role} users`);
  }

  /** Checks that the role has exactly the binding it needs, and that the binding is within the caller's reach. */
  private async resolveBinding(manager: EntityManager, caller: Caller, wanted: Binding): Promise<Binding> {
    if (wanted.role === 'ADMIN') {
      if (wanted.regionId || wanted.agencyId) throw ValidationError.field(wanted.regionId ? 'regionId' : 'agencyId', 'an ADMIN is not bound to a region or an agency');
      return { role: 'ADMIN', regionId: null, agencyId: null };
    }
    if (REGION_BOUND_ROLES.includes(wanted.role)) {
      if (wanted.agencyId) throw ValidationError.field('agencyId', `a ${wanted.role} is bound to a region, not an agency`);
      if (!wanted.regionId) throw ValidationError.field('regionId', `regionId is required for a ${wanted.role}`);
      const region = await findInReach(manager, caller, Region, wanted.regionId);
      return { role: wanted.role, regionId: region.id, agencyId: null };
    }
    if (!wanted.agencyId) throw ValidationError.field('agencyId', 'agencyId is required for an AGENCY_REP');
    const agency = await findInReach(manager, caller, Agency, wanted.agencyId);
    return { role: 'AGENCY_REP', regionId: agency.regionId, agencyId: agency.id };
  }
}

function pick<T extends object, K extends keyof T>(source: T, keys: K[]): Partial<Pick<T, K>> {
  return Object.fromEntries(keys.filter((k) => source[k] !== undefined).map((k) => [k, source[k]])) as Partial<Pick<T, K>>;
}
