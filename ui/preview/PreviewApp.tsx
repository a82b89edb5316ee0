/**
 * The browser preview: the task pane on the right of the workbook, as Excel shows an add-in, over an in-page
 * workbook. Used when the page is opened outside Office (no desktop Excel needed to try the whole flow).
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import { App } from '../App.js';
import type { HostBridge } from '../bridge.js';
import type { PreviewHost } from './preview-host.js';
import { WorkbookGrid } from './WorkbookGrid.js';

const useStyles = makeStyles({
  layout: {
    display: 'flex',
    height: '100vh',
    overflow: 'hidden',
    backgroundColor: tokens.colorNeutralBackground2,
    '@media (max-width: 720px)': { flexDirection: 'column-reverse', height: 'auto', overflow: 'visible' },
  },
  book: {
    flexGrow: 1,
    minWidth: 0,
    minHeight: '320px',
    display: 'flex',
    flexDirection: 'column',
  },
  pane: {
    width: '350px',
    flexShrink: 0,
    overflowY: 'auto',
    borderLeft: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    '@media (max-width: 720px)': { width: 'auto', borderLeft: 'none' },
  },
});

export function PreviewApp(props: { bridge: HostBridge; host: PreviewHost; clock: () => Date }) {
  const styles = useStyles();
  return (
    <div className={styles.layout}>
      <div className={styles.book} role="region" aria-label="Workbook (browser preview)">
        <WorkbookGrid host={props.host} />
      </div>
      {/* not a landmark: in Excel the pane is a page of its own, whose <main> is top-level; here it must stay so */}
      <div className={styles.pane} data-testid="pane">
        <App bridge={props.bridge} clock={props.clock} />
      </div>
    </div>
  );
}
