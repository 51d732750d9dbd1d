import { Module } from '@nestjs/common';
import { FileStore } from './file-store.js';

/** The uploaded-document store, for the features that take files (surat tugas, cascade evidence). */
@Module({ providers: [FileStore], exports: [FileStore] })
export class FilesModule {}
