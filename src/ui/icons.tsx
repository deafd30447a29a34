import type { ItemType } from '../model';

/** Small line icons for the library and the outline, drawn in the item's colour family. */
export function ItemIcon({ type }: { type: ItemType }) {
  const common = { width: 28, height: 28, viewBox: '0 0 28 28', fill: 'none', stroke: 'currentColor', strokeWidth: 1.6 };
  switch (type) {
    case 'conveyor':
      return (
        <svg {...common} aria-hidden>
          <rect x="2" y="9" width="24" height="5" rx="2.5" />
          <circle cx="5" cy="11.5" r="1" />
          <circle cx="23" cy="11.5" r="1" />
          <path d="M6 14v9M22 14v9M10 7h6" />
        </svg>
      );
    case 'table':
      return (
        <svg {...common} aria-hidden>
          <path d="M3 10h22M5 10v13M23 10v13M3 10l3-3h16l3 3" />
        </svg>
      );
    case 'pallet':
      return (
        <svg {...common} aria-hidden>
          <path d="M2 13h24M2 16h24M4 16v5M14 16v5M24 16v5M2 21h24" />
        </svg>
      );
    case 'machine':
      return (
        <svg {...common} aria-hidden>
          <rect x="3" y="4" width="22" height="20" rx="1" />
          <rect x="6" y="9" width="10" height="8" />
          <path d="M20 9v4M3 7h22" />
        </svg>
      );
    case 'fence':
      return (
        <svg {...common} aria-hidden>
          <path d="M4 4v20M24 4v20M4 7h20M4 21h20M8 7l12 14M20 7L8 21" />
        </svg>
      );
    case 'operator':
      return (
        <svg {...common} aria-hidden>
          <circle cx="14" cy="6" r="3" />
          <path d="M9 24v-8l-2 -3 3-3h8l3 3-2 3v8" />
        </svg>
      );
    case 'lightCurtain':
      return (
        <svg {...common} aria-hidden>
          <path d="M6 3v22M22 3v22" strokeWidth={2.6} />
          <path d="M8 8h12M8 12h12M8 16h12M8 20h12" strokeDasharray="2 2" />
        </svg>
      );
    case 'part':
      return (
        <svg {...common} aria-hidden>
          <path d="M4 10l10-5 10 5v10l-10 5-10-5zM4 10l10 5 10-5M14 15v10" />
        </svg>
      );
    case 'pedestal':
      return (
        <svg {...common} aria-hidden>
          <path d="M8 10h12M10 10v12M18 10v12M6 22h16M6 25h16M6 22v3M22 22v3" />
          <path d="M12 10v-3h4v3" />
        </svg>
      );
    case 'track':
      return (
        <svg {...common} aria-hidden>
          <path d="M2 21h24M2 24h24M2 21v3M26 21v3M3 19h22" />
          <rect x="9" y="15" width="10" height="4" />
          <path d="M14 15v-5l4-3M6 11l-3-2 3-2M22 11l3-2-3-2" />
        </svg>
      );
    case 'robot':
      return (
        <svg {...common} aria-hidden>
          <path d="M6 24h10M8 24v-4h6v4M11 20l3-9 8-3M22 8l2 3M22 8l1-3" />
          <circle cx="14" cy="11" r="1.5" />
        </svg>
      );
  }
}
