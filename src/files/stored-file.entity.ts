import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, type Relation } from 'typeorm';
import { TenantTable } from '../common/scope.js';
import { Region } from '../regions/region.entity.js';

/** What an upload may be: a scanned letter or a photo (checked by the file's first bytes, not its name). */
export const STORED_MEDIA_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export type StoredMediaType = (typeof STORED_MEDIA_TYPES)[number];

/**
 * An uploaded document (a delegate's surat tugas, a cascade session's evidence). The bytes live
 * outside the web root under DATA_DIR, named by `storageKey`, a random name that says nothing
 * about the file; this row is the only way to them, within its region's reach.
 */
@TenantTable({ region: 'regionId', label: 'File' })
@Entity('stored_files')
// Target of composite foreign keys: a file belongs to its referrer's region.
@Unique('uq_stored_files_region_id', ['regionId', 'id'])
@Unique('uq_stored_files_storage_key', ['storageKey'])
@Check('ck_stored_files_size', 'byte_size > 0')
export class StoredFile {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_stored_files' })
  id: string;

  @Column({ type: 'uuid' })
  regionId: string;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'fk_stored_files_region' })
  region?: Relation<Region>;

  @Column({ type: 'enum', enum: STORED_MEDIA_TYPES, enumName: 'stored_media_type' })
  mediaType: StoredMediaType;

  @Column({ type: 'integer' })
  byteSize: number;

  /** Hex SHA-256 of the bytes: what was uploaded can be shown to be what is served. */
  @Column({ type: 'char', length: 64 })
  sha256: string;

  /** The file's name on disk: random, never derived from user input. */
  @Column({ type: 'varchar', length: 64 })
  storageKey: string;

  /** The name the uploader gave, for the download's Content-Disposition only. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  originalName: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
