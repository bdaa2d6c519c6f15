/** The company's logo mark and name. */
export function BrandMark({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="#0f3d6e" />
      <path
        d="M21.5 10.5c-1.2-1.3-3-2-5.2-2-3.3 0-5.6 1.8-5.6 4.4 0 5.4 10.6 3.3 10.6 7.7 0 1.7-1.8 2.9-4.5 2.9-2.2 0-4.1-.8-5.4-2.3"
        fill="none"
        stroke="#ffc94d"
        strokeWidth="2.6"
        strokeLinecap="round"
      />
    </svg>
  );
}

export const COMPANY_NAME = 'Saigon Software Co.';
