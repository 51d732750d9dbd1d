import { type DynamicModule, Global, Module, type OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { AgenciesModule } from './agencies/agencies.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { CascadesModule } from './cascades/cascades.module.js';
import { CheckInsModule } from './check-ins/check-ins.module.js';
import { APP_CONFIG, type AppConfig } from './config/config.js';
import { dataSourceOptions } from './database/data-source.js';
import { closePdfRenderers } from './documents/pdf.js';
import { ElectionsModule } from './elections/elections.module.js';
import { EventsModule } from './events/events.module.js';
import { HealthModule } from './health/health.module.js';
import { InvitationsModule } from './invitations/invitations.module.js';
import { PagesModule } from './pages/pages.module.js';
import { PeopleModule } from './people/people.module.js';
import { PledgesModule } from './pledges/pledges.module.js';
import { RegionsModule } from './regions/regions.module.js';
import { ReportsModule } from './reports/reports.module.js';
import { SpeakersModule } from './speakers/speakers.module.js';
import { UsersModule } from './users/users.module.js';

@Global()
@Module({})
class ConfigModule {
  static with(config: AppConfig): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] };
  }
}

/** What a module's `imports` take. */
export type ModuleImport = NonNullable<DynamicModule['imports']>[number];

/**
 * The whole API. `databaseUrl` is the resolved server (external or embedded); `extraImports`
 * lets a test add a module of its own (a sample page built on src/pages).
 */
@Module({})
export class AppModule implements OnApplicationShutdown {
  /** The PDF worker threads go with the app (they would otherwise outlive it for a minute). */
  async onApplicationShutdown(): Promise<void> {
    await closePdfRenderers();
  }

  static with(config: AppConfig, databaseUrl: string, extraImports: ModuleImport[] = []): DynamicModule {
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
        // Migrations have run already (createApp), under a lock and without these timeouts.
        TypeOrmModule.forRoot(dataSourceOptions(databaseUrl, {}, config.databaseTimeouts)),
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
        InvitationsModule,
        PagesModule,
        CheckInsModule,
        CascadesModule,
        ReportsModule,
        PledgesModule,
        ...extraImports,
      ],
    };
  }
}
