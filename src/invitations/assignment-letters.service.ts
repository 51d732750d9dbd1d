import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import type { Caller } from '../common/caller.js';
import { NotFoundError } from '../common/errors.js';
import { FileStore } from '../files/file-store.js';
import type { Upload } from '../files/file-upload.js';
import { extensionOf } from '../files/media-type.js';
import type { StoredFile } from '../files/stored-file.entity.js';
import { type AssignmentLetterResponse, toAssignmentLetterResponse } from './dto/invitation.dto.js';
import { assertEventScheduled } from './event-rules.js';
import { Invitation } from './invitation.entity.js';
import { InvitationsRepository } from './invitations.repository.js';

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
    const { regionId } = await this.invitations.findInvitation(caller, id);
    const received = await this.files.receive(upload);
    return this.files.keep(received, regionId, async (manager, file) => {
      const locked = await this.invitations.findInvitation(caller, id, manager, { lock: true });
      assertEventScheduled(locked.event!, 'its invitations can no longer change');
      await manager.update(Invitation, { id }, { assignmentLetterId: file.id });
      const released = locked.assignmentLetter ? [await this.files.release(manager, locked.assignmentLetter)] : [];
      await this.audit.record(manager, caller, {
        action: 'upload-assignment-letter',
        entity: 'invitation',
        entityId: id,
        regionId: locked.regionId,
        changes: { fileId: file.id, mediaType: file.mediaType, byteSize: file.byteSize, sha256: file.sha256, replacedFileId: locked.assignmentLetterId },
      });
      return { result: toAssignmentLetterResponse(file), released };
    });
  }

  async download(caller: Caller, id: string): Promise<AssignmentLetterDownload> {
    const invitation = await this.invitations.findInvitation(caller, id);
    const file = invitation.assignmentLetter;
    if (!file) throw new NotFoundError(`The assignment letter of invitation ${id}`);
    const agency = invitation.agency!;
    const filename = file.originalName ?? `surat-tugas-${slug(agency.shortName ?? agency.name)}.${extensionOf(file.mediaType)}`;
    return { file, filename, stream: this.files.open(file) };
  }
}

/** "Dinas Pendidikan Kota Batu" → "dinas-pendidikan-kota-batu", for a download's name. */
function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'delegasi';
}
