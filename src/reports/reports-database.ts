import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { dataSourceOptions, poolTimeouts } from '../database/data-source.js';

/**
 * Where reports read. With DATABASE_REPLICA_URL set, a second pool on the streaming replica,
 * read-only (every transaction opens READ ONLY, so a mistake cannot write there), so that heavy
 * coverage queries never compete with the door's check-ins for the primary's connections.
 * Without it, the primary's own pool. Everything else keeps reading and writing the primary.
 */
@Injectable()
export class ReportsDatabase implements OnModuleDestroy {
  private replica?: DataSource;

  constructor(
    @InjectDataSource() private readonly primary: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The replica's data source (connected on first use), or the primary's. */
  async dataSource(): Promise<DataSource> {
    const url = this.config.databaseReplicaUrl;
    if (!url) return this.primary;
    if (!this.replica) {
      this.replica = new DataSource(
        dataSourceOptions(url, {
          migrations: [],
          extra: {
            max: 10,
            application_name: 'netralitas-reports',
            options: '-c default_transaction_read_only=on',
            ...poolTimeouts(this.config.databaseTimeouts),
          },
        }),
      );
    }
    if (!this.replica.isInitialized) await this.connecting(this.replica);
    return this.replica;
  }

  private pending?: Promise<DataSource>;

  /** One initialisation even when the first requests arrive together. */
  private connecting(replica: DataSource): Promise<DataSource> {
    this.pending ??= replica.initialize().catch((error: unknown) => {
      this.pending = undefined;
      throw error;
    });
    return this.pending;
  }

  async onModuleDestroy(): Promise<void> {
    if (this.replica?.isInitialized) await this.replica.destroy();
  }
}
