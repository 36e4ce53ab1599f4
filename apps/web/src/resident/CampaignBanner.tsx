import type { AppConfig } from '@trygg/domain'
import { useI18n } from '../i18n/language.tsx'
import { useResidentMessages } from './use-resident-messages.ts'
import { lastDay } from './zoned-date.ts'

/**
 * What residents are invited to: a running digital walk with its last day, the continuous
 * campaign, or that no marks are being collected now.
 */
export function CampaignBanner({ config }: { config: AppConfig }) {
  const { lang } = useI18n()
  const r = useResidentMessages()
  const { campaign, municipality } = config
  const text = !campaign
    ? r.campaignClosed(municipality.name)
    : campaign.kind === 'digital' && campaign.endsAt
      ? r.campaignDigital(campaign.name, lastDay(campaign.endsAt, lang, municipality.timeZone))
      : r.campaignContinuous(campaign.name)
  return (
    <p className={`campaign-banner${campaign ? '' : ' campaign-banner--closed'}`} data-testid="campaign-banner">
      {text}
    </p>
  )
}
