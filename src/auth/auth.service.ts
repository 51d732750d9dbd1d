import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AccessTokenPayload } from '../common/auth.guard.js';
import { UnauthorizedError } from '../common/errors.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { toUserResponse } from '../users/dto/user.dto.js';
import { dummyHash, verifyPassword } from '../users/passwords.js';
import { User } from '../users/user.entity.js';
import type { LoginDto, LoginResponse } from './dto/auth.dto.js';
import { LoginAttempts } from './login-attempts.js';

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly attempts: LoginAttempts,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(dto: LoginDto, clientAddress: string): Promise<LoginResponse> {
    this.attempts.assertAllowed(dto.email, clientAddress);
    const user = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect(['u.passwordHash', 'u.tokenVersion'])
      .where('u.email = :email', { email: dto.email })
      .getOne();
    // Always verify a hash, so an unknown email takes as long as a wrong password.
    const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyHash()), dto.password);
    if (!user || !passwordOk || !user.active) {
      this.attempts.recordFailure(dto.email, clientAddress);
      throw new UnauthorizedError('Email or password is incorrect, or the account is deactivated');
    }
    this.attempts.recordSuccess(dto.email);
    const payload: AccessTokenPayload = { sub: user.id, role: user.role, ver: user.tokenVersion };
    return {
      accessToken: await this.jwt.signAsync(payload),
      expiresIn: this.config.jwtExpiresIn,
      user: toUserResponse(user),
    };
  }
}
