import { type DynamicModule, Global, Module, type Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { AgenciesModule } from './agencies/agencies.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { CheckInsModule } from './check-ins/check-ins.module.js';
import { APP_CONFIG, type AppConfig } from './config/config.js';
import { dataSourceOptions } from './database/data-source.js';
import { ElectionsModule } from './elections/elections.module.js';
import { EventsModule } from './events/events.module.js';
import { HealthModule } from './health/health.module.js';
import { PeopleModule } from './people/people.module.js';
import { RegionsModule } from './regions/regions.module.js';
import { SpeakersModule } from './speakers/speakers.module.js';
import { UsersModule } from './users/users.module.js';

@Global()
@Module({})
class ConfigModule {
  static with(config: AppConfig): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] };
  }
}

/** The whole API. `databaseUrl` is the resolved server (external or embedded). */
@Module({})
export class AppModule {
  static with(config: AppConfig, databaseUrl: string, extraModules: ReadonlyArray<Type<unknown> | DynamicModule> = []): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.with(config),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            // Tokens and cookies never reach the logs; bodies are not logged at all.
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            serializers: {
              req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
            customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
          },
        }),
        TypeOrmModule.forRoot({ ...dataSourceOptions(databaseUrl), migrationsRun: true }),
        AuditModule,
        AuthModule,
        HealthModule,
        RegionsModule,
        UsersModule,
        AgenciesModule,
        PeopleModule,
        ElectionsModule,
        SpeakersModule,
        EventsModule,
        CheckInsModule,
        ...extraModules,
      ],
    };
  }
}
