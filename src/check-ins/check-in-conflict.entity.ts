import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { TenantTable } from '../common/scope.js';
import { CHECK_IN_METHODS, type CheckInMethod, CheckIn, IDENTIFIED_BY, type IdentifiedBy } from './check-in.entity.js';
import { sameRegion } from '../common/region-join.js';

/**
 * A scan that did not become the check-in because the person was already checked in (or an
 * earlier offline scan arrived later and took its place). Nothing at the door is silently
 * merged: organizers list these (DESIGN §2 Check-in).
 */
@TenantTable({ region: 'regionId', agency: 'agencyId', label: 'Check-in conflict' })
@Entity('check_in_conflicts')
@Index('ix_check_in_conflicts_event', ['regionId', 'eventId', 'createdAt'])
// Replaying an offline batch must not record the same repeat twice.
@Index('uq_check_in_conflicts_client_id', ['regionId', 'eventId', 'clientCheckinId'], { unique: true, where: 'client_checkin_id IS NOT NULL' })
export class CheckInConflict {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_check_in_conflicts' })
  id: string;

  @Column({ type: 'uuid' })
  regionId: string;

  @Column({ type: 'uuid' })
  eventId: string;

  /** The check-in that stands. */
  @Column({ type: 'uuid' })
  checkInId: string;

  @ManyToOne(() => CheckIn, { onDelete: 'CASCADE' })
  @JoinColumn(sameRegion('fk_check_in_conflicts_check_in', 'check_in_id'))
  checkIn?: Relation<CheckIn>;

  @Column({ type: 'uuid' })
  personId: string;

  @Column({ type: 'uuid' })
  agencyId: string;

  /** The repeated scan's own time, device and id. */
  @Column({ type: 'timestamptz' })
  scannedAt: Date;

  @Column({ type: 'enum', enum: CHECK_IN_METHODS, enumName: 'check_in_method' })
  method: CheckInMethod;

  @Column({ type: 'enum', enum: IDENTIFIED_BY, enumName: 'check_in_identified_by' })
  identifiedBy: IdentifiedBy;

  @Column({ type: 'varchar', length: 100, nullable: true })
  deviceId: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  clientCheckinId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
