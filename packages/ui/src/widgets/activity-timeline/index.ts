'use client';

export { ActivityTimeline, type ActivityTimelineProps } from './ActivityTimeline.js';
