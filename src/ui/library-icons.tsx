import { isLibraryPreset, type EquipmentEntry } from '../model';
import { ItemIcon } from './icons';

const common = { width: 28, height: 28, viewBox: '0 0 28 28', fill: 'none', stroke: 'currentColor', strokeWidth: 1.6 };

/** A belt seen from the side, as in the conveyor icon, for the source and sink icons. */
const BELT = (
  <>
    <rect x="2" y="13" width="24" height="5" rx="2.5" />
    <path d="M6 18v6M22 18v6" />
  </>
);

/**
 * The icon of a library entry: the item type's icon, or for the ready-made entries a belt with
 * a part coming in (source) or going out (sink), and a cylinder for the cylinder part.
 */
export function EquipmentIcon({ entry }: { entry: EquipmentEntry }) {
  if (!isLibraryPreset(entry)) return <ItemIcon type={entry} />;
  switch (entry) {
    case 'press':
      return (
        <svg {...common} aria-hidden>
          <path d="M5 3h18v4H5zM7 7v18M21 7v18M4 25h20" />
          <path d="M11 7v5h6V7M10 18h8v3h-8z" />
        </svg>
      );
    case 'inspectionStation':
      return (
        <svg {...common} aria-hidden>
          <rect x="4" y="4" width="20" height="21" rx="1" />
          <circle cx="14" cy="11" r="3.5" />
          <path d="M9 20h10" />
        </svg>
      );
    case 'partSource':
      return (
        <svg {...common} aria-hidden>
          {BELT}
          <rect x="11" y="7" width="6" height="6" />
          <path d="M2 5h6M5 2l3 3-3 3" />
        </svg>
      );
    case 'partSink':
      return (
        <svg {...common} aria-hidden>
          {BELT}
          <rect x="11" y="7" width="6" height="6" />
          <path d="M20 5h6M23 2l3 3-3 3" />
        </svg>
      );
    case 'boxPart':
      return <ItemIcon type="part" />;
    case 'cylinderPart':
      return (
        <svg {...common} aria-hidden>
          <ellipse cx="14" cy="7" rx="8" ry="3" />
          <path d="M6 7v14M22 7v14M6 21a8 3 0 0 0 16 0" />
        </svg>
      );
  }
}
