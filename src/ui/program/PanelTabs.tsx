import { useStore } from 'zustand';
import { programPanelStore } from '../../tools/program-panel-state';

/** The right panel's tabs: the inspector of the selection, or the program editor. */
export function PanelTabs() {
  const tab = useStore(programPanelStore, (s) => s.tab);
  const set = (t: 'inspector' | 'program') => programPanelStore.setState({ tab: t, picking: null });
  return (
    <div className="panel-tabs" role="tablist" aria-label="Right panel">
      <button role="tab" aria-selected={tab === 'inspector'} className={tab === 'inspector' ? 'active' : ''} onClick={() => set('inspector')}>
        Inspector
      </button>
      <button role="tab" aria-selected={tab === 'program'} className={tab === 'program' ? 'active' : ''} onClick={() => set('program')}>
        Program
      </button>
    </div>
  );
}
