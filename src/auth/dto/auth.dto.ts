import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { UserResponse } from '../../users/dto/user.dto.js';
import { IsEmailAddress, LowerCase } from '../../common/validation.js';

export class LoginDto {
  @ApiProperty({ example: 'admin@netralitas.local' })
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
  @ApiProperty() accessToken: string;
  @ApiProperty({ description: 'Seconds until the token expires' }) expiresIn: number;
  @ApiProperty({ type: UserResponse }) user: UserResponse;
}
