import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { RegionPageQuery, SearchText } from '../../common/pagination.js';
import { IsEmailAddress, IsOmittable, LowerCase, Trim } from '../../common/validation.js';
import { ROLES, type Role } from '../../common/roles.js';
import type { User } from '../user.entity.js';


export class CreateUserDto {
  @ApiProperty({ format: 'email', example: 'organizer.batu@batukota.go.id' })
  @LowerCase()
  @IsEmailAddress({ message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'Rina Wulandari, S.IP.' })
  @Trim()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  fullName: string;

  @ApiProperty({ writeOnly: true, minLength: 10 })
  @IsString()
  @MinLength(10, { message: 'password must be at least 10 characters' })
  @MaxLength(200)
  password: string;

  @ApiProperty({ enum: ROLES, enumName: 'Role' })
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role: Role;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for ORGANIZER, VIEWER, CHECKIN' })
  @IsOptional()
  @IsUUID('all', { message: 'regionId must be a UUID' })
  regionId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for AGENCY_REP' })
  @IsOptional()
  @IsUUID('all', { message: 'agencyId must be a UUID' })
  agencyId?: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional()
  @IsOmittable()
  @Trim()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  fullName?: string;

  @ApiPropertyOptional({ writeOnly: true, minLength: 10 })
  @IsOmittable()
  @IsString()
  @MinLength(10, { message: 'password must be at least 10 characters' })
  @MaxLength(200)
  password?: string;

  @ApiPropertyOptional({ enum: ROLES, enumName: 'Role' })
  @IsOmittable()
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role?: Role;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'regionId must be a UUID' })
  regionId?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'agencyId must be a UUID' })
  agencyId?: string | null;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;
}

export class UserQuery extends RegionPageQuery {
  @ApiPropertyOptional({ enum: ROLES, enumName: 'Role' })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @SearchText('Matches name or email')
  q?: string;
}

export class UserResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'email' }) email: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role' }) role: Role;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: "The region of an ORGANIZER, VIEWER or CHECKIN, the agency's region for an AGENCY_REP; null for an ADMIN" }) regionId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The agency of an AGENCY_REP' }) agencyId: string | null;
  @ApiProperty() active: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export function toUserResponse(user: User): UserResponse {
  return {
    id: user.id,
    email: user.email,
    fullName: user.fullName,
    role: user.role,
    regionId: user.regionId,
    agencyId: user.agencyId,
    active: user.active,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}
