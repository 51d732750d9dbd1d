import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Caller, CurrentCaller, Roles } from '../common/caller.js';
import { ApiPage, ApiProblems } from '../common/openapi.js';
import { IdParam } from '../common/validation.js';
import { CreatePledgeTemplateDto, PledgeTemplateQuery, PledgeTemplateResponse } from './dto/pledge-template.dto.js';
import { PledgeTemplatesService } from './pledge-templates.service.js';

/**
 * Pledge templates (DESIGN §2): national reference data, read by every signed-in role and
 * written by ADMIN. There is no edit route: a change is a new version (POST with the same title).
 */
@ApiTags('pledges')
@Controller('pledge-templates')
export class PledgeTemplatesController {
  constructor(private readonly templates: PledgeTemplatesService) {}

  @Get()
  @ApiOperation({ operationId: 'listPledgeTemplates', summary: 'List pledge templates', description: 'By title, newest version first.' })
  @ApiPage(PledgeTemplateResponse)
  @ApiProblems(400, 401)
  list(@Query() query: PledgeTemplateQuery) {
    return this.templates.list(query);
  }

  @Post()
  @ApiOperation({
    operationId: 'createPledgeTemplate',
    summary: 'Write a pledge template, or the next version of one',
    description: 'A title already used gets the next version number; an active new version retires the older versions of its title. Templates are never edited.',
  })
  @Roles('ADMIN')
  @ApiCreatedResponse({ type: PledgeTemplateResponse })
  @ApiProblems(400, 401, 403)
  create(@CurrentCaller() caller: Caller, @Body() dto: CreatePledgeTemplateDto) {
    return this.templates.create(caller, dto);
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getPledgeTemplate', summary: 'Get a pledge template' })
  @ApiOkResponse({ type: PledgeTemplateResponse })
  @ApiProblems(400, 401, 404)
  get(@IdParam() id: string) {
    return this.templates.get(id);
  }
}
