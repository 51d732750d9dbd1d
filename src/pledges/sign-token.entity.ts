import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn, Unique, type Relation } from 'typeorm';
import { CheckIn } from '../check-ins/check-in.entity.js';
import { TenantTable } from '../common/scope.js';

/**
 * The secret of a signing link (`/sign/<token>`, DESIGN §4): one per check-in, made when a
 * check-in response first offers it, good for signing that person's pledge at that event and
 * nothing else, until the event's check-in window closes (endsAt + 6 h). Whether it was used is
 * not kept here: the pledge itself (unique per person, template and event) says so.
 */
@TenantTable({ region: 'regionId', label: 'Signing link' })
@Entity('sign_tokens')
@Unique('uq_sign_tokens_token', ['token'])
export class SignToken {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_sign_tokens' })
  regionId: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_sign_tokens' })
  checkInId: string;

  @ManyToOne(() => CheckIn, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'region_id', referencedColumnName: 'regionId', foreignKeyConstraintName: 'fk_sign_tokens_check_in' },
    { name: 'check_in_id', referencedColumnName: 'id' },
  ])
  checkIn?: Relation<CheckIn>;

  @Column({ type: 'varchar', length: 64 })
  token: string;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
