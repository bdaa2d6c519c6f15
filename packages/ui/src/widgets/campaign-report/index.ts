'use client';

export { CampaignReport, type CampaignReportProps } from './CampaignReport.js';
