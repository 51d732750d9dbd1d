import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { TenantTable } from '../common/scope.js';

/**
 * A drawn signature (PNG), kept apart from the pledge, which holds only its SHA-256: the chain
 * covers the hash, and the image is served only with the certificate. Append-only, like pledges.
 */
@TenantTable({ region: 'regionId', label: 'Signature' })
@Entity('signature_images')
export class SignatureImage {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_signature_images' })
  regionId: string;

  @PrimaryColumn({ type: 'char', length: 64, primaryKeyConstraintName: 'pk_signature_images' })
  sha256: string;

  @Column({ type: 'bytea' })
  png: Buffer;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
