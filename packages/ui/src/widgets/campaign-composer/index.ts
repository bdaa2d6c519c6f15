'use client';

export { CampaignComposer, type CampaignComposerProps } from './CampaignComposer.js';
