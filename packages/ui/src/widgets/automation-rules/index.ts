'use client';

export { AutomationRules, type AutomationRulesProps } from './AutomationRules.js';
