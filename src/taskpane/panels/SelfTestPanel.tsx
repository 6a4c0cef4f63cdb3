import * as React from "react";
import {
  Badge,
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Bilingual } from "../../i18n/bilingual";
import { formatSelfTest, type SelfTestReport } from "../../excel/self-test";
import { format, stringsFor, type Lang } from "../../i18n";
import { Section } from "./Section";
import { errorText } from "./ui";

/** What the panel hands the self-test: where to say which check runs, and how to ask the tester to act. */
export interface SelfTestUi {
  onProgress(title: Bilingual): void;
  prompt(text: Bilingual, seconds: number): Promise<void>;
}

const useStyles = makeStyles({
  actions: { display: "flex", columnGap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  detail: { color: tokens.colorNeutralForeground2, wordBreak: "break-word" },
  check: { wordBreak: "break-word" },
  result: { width: "64px" },
  report: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, minHeight: "220px", whiteSpace: "pre" },
});

/** The hidden Self-test tab (?selftest=1): runs the checks of src/excel/self-test.ts and shows a table to copy. */
export function SelfTestPanel({ lang, preview, start }: { lang: Lang; preview: boolean; start: (ui: SelfTestUi) => Promise<SelfTestReport> }): React.JSX.Element {
  const styles = useStyles();
  const s = stringsFor(lang).selfTest;
  const [running, setRunning] = React.useState<string | null>(null);
  const [prompt, setPrompt] = React.useState<{ text: string; left: number } | null>(null);
  const [report, setReport] = React.useState<SelfTestReport | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [copied, setCopied] = React.useState(false);

  const run = async (): Promise<void> => {
    setReport(null);
    setError(null);
    setCopied(false);
    setRunning("");
    const ui: SelfTestUi = {
      onProgress: (title) => setRunning(title[lang]),
      prompt: async (text, seconds) => {
        for (let left = seconds; left > 0; left--) {
          setPrompt({ text: text[lang], left });
          await new Promise((resolve) => setTimeout(resolve, 1000));
        }
        setPrompt(null);
      },
    };
    try {
      setReport(await start(ui));
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setRunning(null);
      setPrompt(null);
    }
  };

  const text = report ? formatSelfTest(report, lang) : "";
  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      // Some hosts refuse the clipboard to an add-in: the text below can be selected and copied by hand.
      setCopied(false);
    }
  };
  const passed = report?.rows.filter((r) => r.status === "pass").length ?? 0;

  return (
    <Section title={s.title} intro={s.intro} testId="panel-self-test">
      {preview && <Text size={200}>{s.previewNote}</Text>}
      <div className={styles.actions}>
        <Button appearance="primary" disabled={running !== null} onClick={() => void run()}>
          {s.run}
        </Button>
        {running !== null && <Spinner size="tiny" label={format(s.running, { check: running })} />}
      </div>
      {prompt && (
        <MessageBar intent="warning">
          <MessageBarBody>{`${prompt.text} (${prompt.left})`}</MessageBarBody>
        </MessageBar>
      )}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {report && (
        <>
          <MessageBar intent={passed === report.rows.length ? "success" : "error"} data-testid="self-test-summary">
            <MessageBarBody>{format(s.summary, { passed, total: report.rows.length, host: report.host })}</MessageBarBody>
          </MessageBar>
          <Table size="small" aria-label={s.title} data-testid="self-test-table">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{s.check}</TableHeaderCell>
                <TableHeaderCell className={styles.result}>{s.result}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {report.rows.map((r) => (
                <TableRow key={r.id}>
                  <TableCell>
                    <div className={styles.check}>
                      <Text weight="semibold">{r.title[lang]}</Text>
                      <br />
                      <Text size={200} className={styles.detail}>
                        {r.detail[lang]}
                      </Text>
                    </div>
                  </TableCell>
                  <TableCell className={styles.result}>
                    <Badge appearance="filled" color={r.status === "pass" ? "success" : "danger"}>
                      {r.status === "pass" ? s.pass : s.fail}
                    </Badge>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <div className={styles.actions}>
            <Button onClick={() => void copy()}>{s.copy}</Button>
            <Text size={200}>{copied ? s.copied : s.copyHint}</Text>
          </div>
          <Textarea textarea={{ className: styles.report }} readOnly value={text} aria-label={s.copy} resize="vertical" />
        </>
      )}
    </Section>
  );
}
