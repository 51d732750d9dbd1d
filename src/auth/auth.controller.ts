import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { type Caller, CurrentCaller, Public } from '../common/caller.js';
import { ApiProblem, ApiProblems } from '../common/openapi.js';
import { UserResponse } from '../users/dto/user.dto.js';
import { UsersService } from '../users/users.service.js';
import { AuthService } from './auth.service.js';
import { LoginDto, LoginResponse } from './dto/auth.dto.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Post('login')
  @ApiOperation({
    operationId: 'login',
    summary: 'Log in',
    description: 'After 5 failed logins for one account, or 20 from one address, within 15 minutes, answers 429 with `retry-after`.',
  })
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponse })
  @ApiProblems(400)
  @ApiProblem(401, 'Wrong email or password, or a deactivated account')
  @ApiProblem(429, 'Too many failed logins for this account or address; retry after the `retry-after` header')
  login(@Body() dto: LoginDto, @Req() request: FastifyRequest) {
    return this.auth.login(dto, request.ip);
  }

  @Get('me')
  @ApiOperation({ operationId: 'getCurrentUser', summary: 'Get the logged-in user' })
  @ApiOkResponse({ type: UserResponse })
  @ApiProblems(401)
  me(@CurrentCaller() caller: Caller) {
    return this.users.findMe(caller);
  }
}
