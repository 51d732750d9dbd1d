import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type Caller, CurrentCaller, Roles } from '../common/caller.js';
import { IdParam } from '../common/validation.js';
import { CreateUserDto, UpdateUserDto, UserQuery } from './dto/user.dto.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@ApiBearerAuth()
@Roles('ADMIN', 'ORGANIZER')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  list(@CurrentCaller() caller: Caller, @Query() query: UserQuery) {
    return this.users.list(caller, query);
  }

  @Post()
  create(@CurrentCaller() caller: Caller, @Body() dto: CreateUserDto) {
    return this.users.create(caller, dto);
  }

  @Get(':id')
  get(@CurrentCaller() caller: Caller, @IdParam() id: string) {
    return this.users.get(caller, id);
  }

  @Patch(':id')
  update(@CurrentCaller() caller: Caller, @IdParam() id: string, @Body() dto: UpdateUserDto) {
    return this.users.update(caller, id, dto);
  }
}
