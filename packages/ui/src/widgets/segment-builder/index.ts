'use client';

export { SegmentBuilder, type SegmentBuilderProps } from './SegmentBuilder.js';
