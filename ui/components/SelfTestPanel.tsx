/**
 * "Run self-test", in the pane's footer: runs the self-test (core/selftest) through the bridge and shows its report
 * — a sentence, then every check as text a maintainer can copy and send.
 */
import { useRef, useState } from 'react';
import {
  Button,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { reportText, type SelfTestReport } from '../../core/selftest/report.js';
import type { HostBridge } from '../bridge.js';

const useStyles = makeStyles({
  footer: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalL,
    paddingLeft: tokens.spacingHorizontalL,
    paddingRight: tokens.spacingHorizontalL,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  report: { fontFamily: tokens.fontFamilyMonospace, minHeight: '12em' },
  /**
   * Windows high contrast draws links in its own link colour. Fluent's high-contrast theme paints them yellow, meant
   * for a black background; Chromium forces the colour but keeps the yellow as the text fill, which axe reads
   * against a light high-contrast background (1.07 : 1). Name the system link colour outright.
   */
  link: {
    '@media (forced-colors: active)': { color: 'LinkText', ':hover': { color: 'LinkText' }, ':active': { color: 'LinkText' } },
  },
});

function summary(r: SelfTestReport): { intent: 'success' | 'warning' | 'error'; title: string; text: string } {
  if (r.failed > 0)
    return {
      intent: 'error',
      title: 'Self-test failed',
      text: `${r.failed} of ${r.checks.length} checks failed. Copy the report and send it to the add-in's maintainers.`,
    };
  if (r.notChecked > 0)
    return {
      intent: 'warning',
      title: 'Self-test incomplete',
      text: `${r.notChecked} checks could not be made here; the other ${r.passed} passed.`,
    };
  return { intent: 'success', title: 'Self-test passed', text: `All ${r.passed} checks passed. The scratch tabs were removed.` };
}

export function SelfTestPanel(props: { bridge: HostBridge; busy: boolean }) {
  const styles = useStyles();
  const [running, setRunning] = useState(false);
  const [report, setReport] = useState<SelfTestReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);
  const run = props.bridge.selfTest?.bind(props.bridge);
  if (!run) return null;

  const start = async (): Promise<void> => {
    setRunning(true);
    setReport(null);
    setError(null);
    setCopied(false);
    try {
      setReport(await run());
    } catch (e) {
      setError(`The self-test could not run: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setRunning(false);
    }
  };

  const copy = async (): Promise<void> => {
    const text = report ? reportText(report) : '';
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      // the clipboard may be closed to the pane: select the text so Ctrl+C copies it
      box.current?.select();
    }
  };

  const s = report ? summary(report) : null;
  return (
    <footer className={styles.footer} data-testid="self-test">
      <Link
        as="button"
        className={running || props.busy ? undefined : styles.link}
        disabled={running || props.busy}
        onClick={() => void start()}
      >
        Run self-test
      </Link>
      <div aria-live="polite">
        {running ? <Spinner size="tiny" label="Running the self-test on scratch tabs…" /> : null}
        {error ? (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        ) : null}
        {s ? (
          <MessageBar intent={s.intent} layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{s.title}</MessageBarTitle>
              {s.text}
            </MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
      {report ? (
        <>
          <Textarea
            ref={box}
            className={styles.report}
            readOnly
            resize="vertical"
            aria-label="Self-test report"
            value={reportText(report)}
          />
          <Button onClick={() => void copy()}>{copied ? 'Copied' : 'Copy report'}</Button>
        </>
      ) : null}
    </footer>
  );
}
