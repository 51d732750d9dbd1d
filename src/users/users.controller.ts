import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Caller, CurrentCaller, Roles } from '../common/caller.js';
import { ApiPage, ApiProblem, ApiProblems } from '../common/openapi.js';
import { IdParam } from '../common/validation.js';
import { CreateUserDto, UpdateUserDto, UserQuery, UserResponse } from './dto/user.dto.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@Roles('ADMIN', 'ORGANIZER')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ operationId: 'listUsers', summary: 'List users' })
  @ApiPage(UserResponse)
  @ApiProblems(400, 401, 403, 404)
  list(@CurrentCaller() caller: Caller, @Query() query: UserQuery) {
    return this.users.list(caller, query);
  }

  @Post()
  @ApiOperation({ operationId: 'createUser', summary: 'Create a user' })
  @ApiCreatedResponse({ type: UserResponse })
  @ApiProblems(400, 401, 403, 404)
  @ApiProblem(409, 'A user with this email already exists (duplicate-email)')
  create(@CurrentCaller() caller: Caller, @Body() dto: CreateUserDto) {
    return this.users.create(caller, dto);
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getUser', summary: 'Get a user' })
  @ApiOkResponse({ type: UserResponse })
  @ApiProblems(400, 401, 403, 404)
  get(@CurrentCaller() caller: Caller, @IdParam() id: string) {
    return this.users.get(caller, id);
  }

  @Patch(':id')
  @ApiOperation({ operationId: 'updateUser', summary: 'Update a user' })
  @ApiOkResponse({ type: UserResponse })
  @ApiProblems(400, 401, 403, 404)
  @ApiProblem(409, 'You cannot deactivate yourself or change your own role (self-lockout)')
  update(@CurrentCaller() caller: Caller, @IdParam() id: string, @Body() dto: UpdateUserDto) {
    return this.users.update(caller, id, dto);
  }
}
