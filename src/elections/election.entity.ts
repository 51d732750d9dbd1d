import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const ELECTION_TYPES = ['PILPRES', 'PILEG', 'PILGUB', 'PILBUP', 'PILWALI', 'SERENTAK'] as const;
export type ElectionType = (typeof ELECTION_TYPES)[number];

/**
 * A Pemilu or Pilkada that events prepare for (reference data: replicated to every node under Citus).
 * Names are unique whatever their case: `uq_elections_name` is an expression index on
 * lower(name), created in the migration (TypeORM cannot describe one).
 */
@Entity('elections')
@Index('uq_elections_name', { synchronize: false })
export class Election {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_elections' })
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'enum', enum: ELECTION_TYPES, enumName: 'election_type' })
  type: ElectionType;

  /** A calendar date, read and written as `YYYY-MM-DD` (no time, no zone). */
  @Column({ type: 'date' })
  votingDate: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
