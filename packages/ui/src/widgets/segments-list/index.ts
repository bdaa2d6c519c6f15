'use client';

export { SegmentsList, type SegmentsListProps } from './SegmentsList.js';
