import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Caller } from '../common/caller.js';
import { NotFoundError } from '../common/errors.js';
import { FileStore } from '../files/file-store.js';
import type { Upload } from '../files/file-upload.js';
import { extensionOf } from '../files/media-type.js';
import { StoredFile } from '../files/stored-file.entity.js';
import { type AssignmentLetterResponse, toAssignmentLetterResponse } from './dto/invitation.dto.js';
import { assertEventScheduled } from './event-rules.js';
import { Invitation } from './invitation.entity.js';
import { InvitationsRepository } from './invitations.repository.js';
import { fileSlug } from '../documents/file-name.js';

/** A scan or a phone photo of a signed letter; far above what one takes, far below what would hurt. */
export const MAX_ASSIGNMENT_LETTER_BYTES = 10 * 1024 * 1024;

export interface AssignmentLetterDownload {
  file: StoredFile;
  filename: string;
  stream: Readable;
}

/**
 * The delegate's surat tugas (DESIGN §2): one file per invitation, a PDF or an image, uploaded by
 * the agency's rep or an organizer and read by them. A new upload replaces the previous one.
 */
@Injectable()
export class AssignmentLettersService {
  constructor(
    private readonly invitations: InvitationsRepository,
    private readonly files: FileStore,
    private readonly audit: AuditService,
  ) {}

  /**
   * The invitation is looked up before a byte of the file is read (out of reach: 404, whatever
   * the body). While the event is SCHEDULED, also on the day: delegates bring their letter to the
   * door, where an organizer may scan it in.
   */
  async upload(caller: Caller, id: string, upload: Upload): Promise<AssignmentLetterResponse> {
    return this.keep(caller, upload, (manager, options) => this.invitations.findInvitation(caller, id, manager, options));
  }

  /** The same, by the holder of the RSVP link (the RSVP page's file form); audited without an actor. */
  async uploadByLink(token: string, upload: Upload): Promise<AssignmentLetterResponse> {
    return this.keep(null, upload, (manager, options) => this.invitations.findInvitationByToken(token, manager, options));
  }

  private async keep(actor: Caller | null, upload: Upload, find: (manager: EntityManager | undefined, options: { lock?: boolean }) => Promise<Invitation>): Promise<AssignmentLetterResponse> {
    const { regionId } = await find(undefined, {});
    const received = await this.files.receive(upload);
    return this.files.keep(received, regionId, async (manager, file) => {
      const locked = await find(manager, { lock: true });
      assertEventScheduled(locked.event!, 'its invitations can no longer change');
      // The file the invitation names now, read on its own: a row joined to the locked one is not
      // read again after waiting for the lock, so a concurrent upload's file would be missed (and
      // left behind) if it came from the locking statement.
      const previous = locked.assignmentLetterId ? await manager.findOneByOrFail(StoredFile, { id: locked.assignmentLetterId }) : null;
      await manager.update(Invitation, { id: locked.id }, { assignmentLetterId: file.id });
      const released = previous ? [await this.files.release(manager, previous)] : [];
      await this.audit.record(manager, actor, {
        action: 'upload-assignment-letter',
        entity: 'invitation',
        entityId: locked.id,
        regionId: locked.regionId,
        changes: {
          ...(actor ? {} : { via: 'rsvp-link' }),
          fileId: file.id,
          mediaType: file.mediaType,
          byteSize: file.byteSize,
          sha256: file.sha256,
          replacedFileId: locked.assignmentLetterId,
        },
      });
      return { result: toAssignmentLetterResponse(file), released };
    });
  }

  async download(caller: Caller, id: string): Promise<AssignmentLetterDownload> {
    const invitation = await this.invitations.findInvitation(caller, id);
    const file = invitation.assignmentLetter;
    if (!file) throw new NotFoundError(`The assignment letter of invitation ${id}`);
    const agency = invitation.agency!;
    const filename = file.originalName ?? `surat-tugas-${fileSlug(agency.shortName ?? agency.name, 'delegasi', 80)}.${extensionOf(file.mediaType)}`;
    return { file, filename, stream: this.files.open(file) };
  }
}
