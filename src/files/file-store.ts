import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { randomToken } from '../common/codes.js';
import { transaction } from '../common/transaction.js';
import { ValidationError } from '../common/errors.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { type Upload, UploadTooLargeError } from './file-upload.js';
import { SNIFF_BYTES, sniffMediaType } from './media-type.js';
import { StoredFile, type StoredMediaType } from './stored-file.entity.js';

/** A file written to disk and checked, not yet recorded: nothing refers to it until `keep` commits. */
export interface ReceivedFile {
  storageKey: string;
  mediaType: StoredMediaType;
  byteSize: number;
  sha256: string;
  originalName: string | null;
}

/** What the work done with a kept file gives back: its result, and stored files it no longer needs. */
export interface Kept<T> {
  result: T;
  /** Rows already deleted in the transaction (by `release`); their bytes go once it commits. */
  released?: StoredFile[];
}

const NOT_ACCEPTED = 'must be a PDF, PNG or JPEG file';

/**
 * Uploaded documents (surat tugas, cascade evidence) on disk under DATA_DIR/files, outside any
 * web root, each under a random name that says nothing about the file; the `stored_files` row is
 * the only way to it and carries its region. The bytes are streamed to disk as they arrive (the
 * size counted, the type read from the first bytes, the SHA-256 computed on the way), so an
 * upload never sits in memory, and a refused one is deleted at once.
 *
 * Disk and database cannot share a transaction: a file is written first, then recorded in the
 * caller's transaction by `keep`, and deleted again when that transaction fails. A crash between
 * the two leaves an unreferenced file behind, never a row without its file.
 */
@Injectable()
export class FileStore {
  private readonly root: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    this.root = join(config.dataDir, 'files');
  }

  /**
   * Streams an upload to disk. 400 when it is empty or not a PDF, PNG or JPEG (decided from the
   * first bytes, before the rest is read), 413 as soon as it passes `upload.maxBytes`.
   */
  async receive(upload: Upload): Promise<ReceivedFile> {
    const storageKey = randomToken(24);
    const path = this.pathOf(storageKey);
    await mkdir(join(this.root, storageKey.slice(0, 2)), { recursive: true, mode: 0o700 });
    const hash = createHash('sha256');
    let byteSize = 0;
    let head = Buffer.alloc(0);
    let mediaType: StoredMediaType | null = null;
    const inspect = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        byteSize += chunk.length;
        if (byteSize > upload.maxBytes) return callback(new UploadTooLargeError(upload.maxBytes));
        if (!mediaType && head.length < SNIFF_BYTES) {
          head = Buffer.concat([head, chunk.subarray(0, SNIFF_BYTES - head.length)]);
          if (head.length === SNIFF_BYTES && !(mediaType = sniffMediaType(head))) return callback(notAccepted());
        }
        hash.update(chunk);
        callback(null, chunk);
      },
      flush(callback) {
        // Files shorter than the longest signature are decided at their end.
        if (byteSize === 0) return callback(ValidationError.field('file', 'the file is empty'));
        mediaType ??= sniffMediaType(head);
        callback(mediaType ? null : notAccepted());
      },
    });
    try {
      await pipeline(upload.stream, inspect, createWriteStream(path, { flags: 'wx', mode: 0o600 }));
    } catch (error) {
      await this.discard(storageKey);
      throw error;
    }
    return { storageKey, mediaType: mediaType!, byteSize, sha256: hash.digest('hex'), originalName: cleanName(upload.originalName) };
  }

  /**
   * Records a received file in `regionId` and runs `work` with it, in one transaction. If the
   * transaction fails the file is deleted; files `work` released are deleted once it commits.
   */
  async keep<T>(received: ReceivedFile, regionId: string, work: (manager: EntityManager, file: StoredFile) => Promise<Kept<T>>): Promise<T> {
    let kept: Kept<T>;
    try {
      kept = await transaction(this.dataSource, async (manager) => {
        const file = await manager.save(StoredFile, manager.create(StoredFile, { regionId, ...received }));
        return work(manager, file);
      });
    } catch (error) {
      await this.discard(received.storageKey);
      throw error;
    }
    await Promise.all((kept.released ?? []).map((file) => this.discard(file.storageKey)));
    return kept.result;
  }

  /** Deletes a stored file's row in the caller's transaction (nothing may refer to it any more); `keep` removes the bytes after commit. */
  async release(manager: EntityManager, file: StoredFile): Promise<StoredFile> {
    await manager.delete(StoredFile, { id: file.id });
    return file;
  }

  /** The bytes of a stored file, to stream to the client. */
  open(file: StoredFile): ReadStream {
    return createReadStream(this.pathOf(file.storageKey));
  }

  private async discard(storageKey: string): Promise<void> {
    await rm(this.pathOf(storageKey), { force: true });
  }

  /** Two levels, so no directory grows to millions of entries. */
  private pathOf(storageKey: string): string {
    return join(this.root, storageKey.slice(0, 2), storageKey);
  }
}

function notAccepted(): ValidationError {
  return ValidationError.field('file', NOT_ACCEPTED);
}

/** The uploader's file name, for Content-Disposition only: no path, no control characters, bounded. */
function cleanName(name: string | null): string | null {
  const base = name?.split(/[\\/]/).pop()?.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return base ? base.slice(0, 255) : null;
}
