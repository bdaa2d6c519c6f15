'use client';
export { PipelineBoard, type PipelineBoardProps } from './PipelineBoard.js';
