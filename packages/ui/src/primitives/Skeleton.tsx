import type { CSSProperties, HTMLAttributes } from 'react';
import { usePart } from '../context/parts.js';

/** Props of {@link Skeleton}. */
export interface SkeletonProps extends HTMLAttributes<HTMLSpanElement> {
  /** CSS length or pixels (default 100%). */
  width?: number | string;
  /** CSS length or pixels (default one line of text). */
  height?: number | string;
  /** `circle` for avatars. */
  shape?: 'text' | 'rect' | 'circle';
  /** Several text lines, the last one shorter. */
  lines?: number;
}

/**
 * A placeholder in the shape of content that is loading; hidden from assistive technology (say "Loading…" once, on
 * the container, e.g. with `StateView state="loading"` or `aria-busy`). The shimmer stops under reduced motion.
 *
 * @example
 * <Skeleton shape="circle" width={40} height={40} />
 * <Skeleton lines={3} />
 */
export function Skeleton({ width, height, shape = 'text', lines, className, style, ...rest }: SkeletonProps) {
  const size: CSSProperties = { width, height, ...style };
  const part = usePart('skeleton', { className, style: size });
  if (lines && lines > 1) {
    return (
      <span className="crm-skeleton-lines" aria-hidden="true" {...rest}>
        {Array.from({ length: lines }, (_, i) => (
          <span
            // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders
            key={i}
            data-shape="text"
            {...part}
            style={i === lines - 1 ? { ...part.style, width: '60%' } : part.style}
          />
        ))}
      </span>
    );
  }
  return <span data-shape={shape} aria-hidden="true" {...rest} {...part} />;
}
