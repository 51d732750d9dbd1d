import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * The text of a pakta integritas netralitas ASN (DESIGN §2), national reference data. A template
 * is never edited once written: a change is a new version with the same title, and pledges keep
 * pointing at the version they were signed under. `textHash` is the SHA-256 of the canonical
 * text (title, version, clauses, legal basis) that every pledge's hash includes.
 */
@Entity('pledge_templates')
@Unique('uq_pledge_templates_title_version', ['title', 'version'])
export class PledgeTemplate {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_pledge_templates' })
  id: string;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'integer' })
  version: number;

  /** The clauses in order, as signed. */
  @Column({ type: 'jsonb' })
  clauses: string[];

  /** "SKB MenPAN-RB, Mendagri, BKN, KASN dan Bawaslu Tahun 2022". */
  @Column({ type: 'varchar', length: 500 })
  legalBasis: string;

  /** Offered for signing; an inactive version stays valid for the pledges signed under it. */
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'char', length: 64 })
  textHash: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
