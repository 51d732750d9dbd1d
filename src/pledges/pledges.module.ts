import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module.js';
import { ChainLanes } from './chain-lanes.js';
import { PledgeCertificateController } from './certificate.controller.js';
import { PledgeCertificateService } from './certificate.service.js';
import { PledgePagesService } from './pledge-pages.service.js';
import { PledgeSignLinks } from './pledge-sign-links.js';
import { PledgeTemplatesController } from './pledge-templates.controller.js';
import { PledgeTemplatesService } from './pledge-templates.service.js';
import { PledgeVerificationService } from './pledge-verification.service.js';
import { PledgesController } from './pledges.controller.js';
import { PledgesRepository } from './pledges.repository.js';
import { PledgesService } from './pledges.service.js';
import { SignByLinkController } from './sign-by-link.controller.js';
import { SignByLinkService } from './sign-by-link.service.js';
import { VerifyRateLimitGuard } from './verify-rate-limit.guard.js';
import { VerificationController } from './verification.controller.js';

/**
 * Pledge templates, signing (by account and by link), the hash chains and public verification.
 * Exports the services the pages and the certificate render from, and PledgeSignLinks, which
 * CheckInsModule binds as its SignLinks.
 */
@Module({
  imports: [EventsModule],
  controllers: [PledgeTemplatesController, PledgeCertificateController, PledgesController, VerificationController, SignByLinkController],
  providers: [
    ChainLanes,
    PledgesRepository,
    PledgeTemplatesService,
    PledgesService,
    PledgeVerificationService,
    SignByLinkService,
    PledgeSignLinks,
    VerifyRateLimitGuard,
    PledgeCertificateService,
    PledgePagesService,
  ],
  exports: [PledgeTemplatesService, PledgesService, PledgeVerificationService, SignByLinkService, PledgeSignLinks],
})
export class PledgesModule {}
