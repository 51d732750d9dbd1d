import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { UserResponse } from '../../users/dto/user.dto.js';
import { IsEmailAddress, LowerCase } from '../../common/validation.js';

export class LoginDto {
  @ApiProperty({ format: 'email', example: 'admin@netralitas.local' })
  @LowerCase()
  @IsEmailAddress({ message: 'email must be an email address' })
  email: string;

  @ApiProperty({ writeOnly: true })
  @IsString()
  @MinLength(1, { message: 'password is required' })
  @MaxLength(200)
  password: string;
}

export class LoginResponse {
  @ApiProperty({ description: 'Send as `Authorization: Bearer …`' }) accessToken: string;
  @ApiProperty({ type: 'integer', description: 'Seconds until the token expires', example: 3600 }) expiresIn: number;
  @ApiProperty({ type: UserResponse }) user: UserResponse;
}
