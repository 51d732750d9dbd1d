import { DataSource, type DataSourceOptions } from 'typeorm';
import { Agency } from '../agencies/agency.entity.js';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { Cascade } from '../cascades/cascade.entity.js';
import { CheckInConflict } from '../check-ins/check-in-conflict.entity.js';
import { CheckIn } from '../check-ins/check-in.entity.js';
import { Election } from '../elections/election.entity.js';
import { EventSpeaker } from '../events/event-speaker.entity.js';
import { Event } from '../events/event.entity.js';
import { StoredFile } from '../files/stored-file.entity.js';
import { Invitation } from '../invitations/invitation.entity.js';
import { Registration } from '../invitations/registration.entity.js';
import { Person } from '../people/person.entity.js';
import { PledgeTemplate } from '../pledges/pledge-template.entity.js';
import { Pledge } from '../pledges/pledge.entity.js';
import { SignatureImage } from '../pledges/signature-image.entity.js';
import { RegionOffice } from '../regions/office.entity.js';
import { Region } from '../regions/region.entity.js';
import { Speaker } from '../speakers/speaker.entity.js';
import { User } from '../users/user.entity.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';
import { Platform1795435070669 } from './migrations/1795435070669-platform.js';
import { Directory1795436000000 } from './migrations/1795436000000-directory.js';
import { Events1795437000000 } from './migrations/1795437000000-events.js';
import { Invitations1795440000000 } from './migrations/1795440000000-invitations.js';
import { CheckIns1795441000000 } from './migrations/1795441000000-check-ins.js';
import { Pledges1795442000000 } from './migrations/1795442000000-pledges.js';
import { Cascades1795443000000 } from './migrations/1795443000000-cascades.js';
import { Offices1795447199280 } from './migrations/1795447199280-offices.js';

/** Every entity, listed explicitly (ESM has no reliable glob loading). */
export const entities = [Region, User, AuditEntry, Agency, Person, Election, Speaker, Event, EventSpeaker, StoredFile, Invitation, Registration, CheckIn, CheckInConflict, PledgeTemplate, Pledge, SignatureImage, Cascade, RegionOffice];

/** Every migration, in order. */
export const migrations = [Platform1795435070669, Directory1795436000000, Events1795437000000, Invitations1795440000000, CheckIns1795441000000, Pledges1795442000000, Cascades1795443000000, Offices1795447199280];

/** The single source of database options, shared by the app, the CLI and the tests. */
export function dataSourceOptions(url: string, overrides: Partial<DataSourceOptions> = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+; no extension to install.
    uuidExtension: 'pgcrypto',
    migrationsTransactionMode: 'all',
    extra: { max: 20, application_name: 'netralitas' },
    ...overrides,
  } as DataSourceOptions;
}

export function createDataSource(url: string, overrides: Partial<DataSourceOptions> = {}): DataSource {
  return new DataSource(dataSourceOptions(url, overrides));
}
