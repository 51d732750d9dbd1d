import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { TooManyRequestsError } from '../common/errors.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';

/**
 * Public verification is limited per client address (DESIGN §4), so verification codes cannot
 * be enumerated from one address: VERIFY_RATE_LIMIT lookups a minute, then 429 problem+json with
 * `Retry-After`. The address is Fastify's `request.ip` (X-Forwarded-For only with TRUST_PROXY).
 * Kept in process memory, like the login limits: each API process applies the limit.
 *
 * rate-limiter-flexible rather than @nestjs/throttler: the latter is CommonJS requiring the
 * ESM-only @nestjs/common 12, which Node loads but Jest's module runtime cannot.
 */
@Injectable()
export class VerifyRateLimitGuard implements CanActivate {
  private readonly limiter: RateLimiterMemory;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.limiter = new RateLimiterMemory({ keyPrefix: 'verify', points: config.verifyRateLimit, duration: 60 });
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    try {
      await this.limiter.consume(request.ip);
      return true;
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const retryAfter = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw new TooManyRequestsError(`Too many verification lookups from this address; try again in ${retryAfter} second(s)`, retryAfter);
    }
  }
}
