import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { IsCalendarDate } from '../../common/instants.js';
import { PageQuery, SearchText } from '../../common/pagination.js';
import { Trim } from '../../common/validation.js';
import { ELECTION_TYPES, type Election, type ElectionType } from '../election.entity.js';

const TYPE_MESSAGE = `type must be one of ${ELECTION_TYPES.join(', ')}`;

export class CreateElectionDto {
  @ApiProperty({ example: 'Pilkada Serentak 2024' })
  @Trim()
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: ELECTION_TYPES, enumName: 'ElectionType' })
  @IsIn(ELECTION_TYPES, { message: TYPE_MESSAGE })
  type: ElectionType;

  @ApiProperty({ example: '2024-11-27', format: 'date' })
  @IsCalendarDate()
  votingDate: string;
}

export class ElectionQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ELECTION_TYPES, enumName: 'ElectionType' })
  @IsOptional()
  @IsIn(ELECTION_TYPES, { message: TYPE_MESSAGE })
  type?: ElectionType;

  @SearchText('Matches the name')
  q?: string;
}

export class ElectionResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ELECTION_TYPES, enumName: 'ElectionType' }) type: ElectionType;
  @ApiProperty({ format: 'date' }) votingDate: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export function toElectionResponse(election: Election): ElectionResponse {
  return {
    id: election.id,
    name: election.name,
    type: election.type,
    votingDate: election.votingDate,
    createdAt: election.createdAt.toISOString(),
    updatedAt: election.updatedAt.toISOString(),
  };
}
