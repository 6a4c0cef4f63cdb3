import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Dropdown,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  Option,
  ProgressBar,
  Select,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { fromYmd, lastDayOfPreviousMonth } from "../../core/calendar";
import { formatIsoDate, parseDate } from "../../core/dates";
import { LEDGER_FIELDS, type LedgerField } from "../../core/ledger/headers";
import { RULES, SEVERITIES, type Finding, type RuleId, messageWithoutCell } from "../../core/ledger/findings";
import type { LedgerCandidate } from "../../excel/candidates";
import type { ValidateProgress } from "../../excel/validate-run";
import { format, stringsFor, type Lang } from "../../i18n";
import type { ValidateGateway } from "../validate/gateway";
import { INITIAL_VALIDATE_STATE, type Override, validateReducer } from "../validate/validate-state";
import { Section } from "./Section";
import { errorText, money, todayIso } from "./ui";
import { ConfirmReplace } from "./ConfirmReplace";
import { DateField } from "./DateField";
import { DateConfirm } from "./DateConfirm";
import { countText } from "./count";
import { usePane } from "../shared";
import { dateConcern, dayOfIso, isoToDisplay } from "../dates";

/** The surface reads the clock once, for the default; the engine itself never does. */
export function defaultAsOf(now: Date): string {
  const today = fromYmd(now.getFullYear(), now.getMonth() + 1, now.getDate());
  return formatIsoDate(lastDayOfPreviousMonth(today));
}

/** The fields offered in the mapping editor, most needed first. */
const EDITABLE_FIELDS: readonly LedgerField[] = [
  "customer",
  "document",
  "appliesTo",
  "voucher",
  "dateArisen",
  "creditDays",
  "dueDate",
  "amount",
  "received",
  "balance",
  "direction",
  "status",
  "department",
  "collector",
  "recoveryProbability",
  "expectedRecovery",
  "lastConfirmed",
];

const useStyles = makeStyles({
  row: { display: "flex", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, alignItems: "end", flexWrap: "wrap" },
  grow: { flexGrow: 1, minWidth: 0 },
  // One column: each field's name above its choice, so long header texts fit a 320 px pane.
  mapping: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  results: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, outlineStyle: "none", minWidth: 0 },
  word: { overflowWrap: "anywhere" },
  finding: { display: "flex", flexDirection: "column", paddingBottom: tokens.spacingVerticalXS },
  muted: { color: tokens.colorNeutralForeground3 },
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap", paddingLeft: tokens.spacingHorizontalXS, paddingRight: "2px" },
  // Tight cells: at 320 px the four columns of figures must fit; the class name may wrap.
  totals: { tableLayout: "auto", width: "100%", "& td, & th": { paddingLeft: "2px", paddingRight: "2px" }, "& td:first-child, & th:first-child": { overflowWrap: "anywhere" } },
});

function candidateKey(c: LedgerCandidate): string {
  return c.source.kind === "table" ? `table:${c.source.table}` : `range:${c.source.sheet}`;
}

export function ValidatePanel({ lang, gateway }: { lang: Lang; gateway?: ValidateGateway }): React.JSX.Element {
  const styles = useStyles();
  const all = stringsFor(lang);
  const s = all.validate;
  const pane = usePane();
  const asOf = pane.asOf;
  const setAsOf = pane.setAsOf;
  const announce = pane.announce;
  /** The date the workbook remembers (its last check's): used as it is, without asking. */
  const savedAsOf = React.useRef<string | null>(null);
  const runButton = React.useRef<HTMLButtonElement>(null);
  const resultsRef = React.useRef<HTMLDivElement>(null);
  const [state, dispatch] = React.useReducer(validateReducer, INITIAL_VALIDATE_STATE);
  const { concern, candidates, companions, selected, header, override, progress, outcome, confirm, error, highlight, marked } = state;
  const setError = (text: string | null) => dispatch({ type: "error", text });
  const abort = React.useRef<{ aborted: boolean } | null>(null);

  const candidate = candidates?.find((c) => candidateKey(c) === selected) ?? null;

  const lookForLedgers = React.useCallback(async () => {
    if (!gateway) return;
    dispatch({ type: "error", text: null });
    try {
      const [survey, setup] = await Promise.all([gateway.candidates(), gateway.setup()]);
      const found = survey.candidates;
      if (found.length === 0) announce(s.noLedger);
      const saved = setup.ledger ? found.find((c) => JSON.stringify(c.source) === JSON.stringify(setup.ledger)) : undefined;
      if (setup.asOf) setAsOf(setup.asOf);
      savedAsOf.current = setup.asOf;
      const savedMapping: Override = {};
      for (const [k, v] of Object.entries(setup.mapping)) if (typeof v === "number") savedMapping[k as LedgerField] = v;
      dispatch({
        type: "surveyed",
        candidates: found,
        companions: survey.companions,
        selected: saved ? candidateKey(saved) : found[0] ? candidateKey(found[0]) : null,
        override: saved ? savedMapping : {},
      });
    } catch (e) {
      dispatch({ type: "error", text: errorText(e, lang) });
      announce(errorText(e, lang));
    }
    // announce and setAsOf are stable (useCallback and useState in shared.tsx): listed, they never re-run it.
  }, [gateway, lang, announce, setAsOf, s.noLedger]);

  React.useEffect(() => {
    void lookForLedgers();
  }, [lookForLedgers]);

  React.useEffect(() => {
    if (!gateway || !candidate) {
      dispatch({ type: "header", header: null });
      return;
    }
    let live = true;
    gateway.header(candidate.source).then(
      (h) => live && dispatch({ type: "header", header: h }),
      (e: unknown) => live && dispatch({ type: "error", text: errorText(e, lang) })
    );
    return () => {
      live = false;
    };
  }, [gateway, candidate, lang]);

  const mappedIndex = (field: LedgerField): number | null => {
    if (field in override) return override[field] ?? null;
    return header?.mapping?.mapping[field] ?? null;
  };

  // A result no longer says what the inputs now ask: cleared, never shown with another date
  // (another ledger or mapping clears it in the reducer).
  React.useEffect(() => {
    dispatch({ type: "asOfChanged" });
  }, [asOf]);

  /** The as-of date typed, or null (and the error says how to type it). */
  const asOfDay = (): number | null => {
    const day = dayOfIso(asOf);
    if (day === null) {
      setError(s.badAsOf);
      pane.announce(s.badAsOf);
    }
    return day;
  };

  /** Asks once about a date far from today or before the ledger, then runs. */
  const start = () => {
    const day = asOfDay();
    if (day === null) return;
    const today = parseDate(todayIso(new Date()))!;
    const c = asOf === savedAsOf.current ? null : dateConcern(day, today, pane.ledgerFirst);
    if (c !== null) dispatch({ type: "concern", concern: c });
    else void run();
  };

  const run = async (replaceEdited = false) => {
    if (!gateway || !candidate) return;
    const day = asOfDay();
    if (day === null) return;
    abort.current = { aborted: false };
    dispatch({ type: "started", total: candidate.rows });
    pane.announce(s.started);
    let phase: ValidateProgress["phase"] = "read";
    try {
      const mapping: Record<string, number> = {};
      for (const [k, v] of Object.entries(override)) if (typeof v === "number") mapping[k] = v;
      const result = await gateway.validate({
        source: candidate.source,
        mapping,
        asOf: day,
        lang,
        replaceEdited,
        signal: abort.current,
        onProgress: (p) => {
          dispatch({ type: "progress", progress: p });
          // Milestones only: each phase once, not every chunk.
          if (p.phase !== phase) {
            phase = p.phase;
            pane.announce(p.phase === "check" ? s.checkingElsewhere : s.writingAnnounce);
          }
        },
      });
      if (result.kind === "confirm") dispatch({ type: "confirm", edited: result.edited });
      else {
        dispatch({ type: "done", outcome: { ...result, asOf } });
        savedAsOf.current = asOf;
        if (result.summary.firstDate !== null) pane.setLedgerFirst(result.summary.firstDate);
        const f = result.summary.totals.findings;
        pane.announce(`${format(s.done, { rows: result.summary.totals.all.count, asOf: isoToDisplay(asOf, lang), results: result.sheets.results, findings: result.sheets.findings })} ${s.bySeverity}${colon}${SEVERITIES.map((v) => `${all.severity[v]} ${f[v]}`).join(sep)}`);
        // Focus to the result, so the keyboard and a screen reader continue from it.
        window.setTimeout(() => resultsRef.current?.focus(), 0);
        // The marks follow the latest check.
        if (highlight) await mark(true, result.summary.findings);
      }
    } catch (e) {
      dispatch({ type: "error", text: errorText(e, lang) });
      pane.announce(errorText(e, lang));
    } finally {
      dispatch({ type: "finished" });
      abort.current = null;
    }
  };

  const colon = lang === "zh-CN" ? "：" : ": ";
  const sep = lang === "zh-CN" ? "，" : " · ";

  const mark = async (on: boolean, findings = outcome?.summary.findings ?? []) => {
    if (!gateway || !candidate) return;
    setError(null);
    try {
      if (on) dispatch({ type: "marked", marked: await gateway.highlight(candidate.sheet, findings) });
      else {
        await gateway.unhighlight();
        dispatch({ type: "marked", marked: null });
      }
    } catch (e) {
      setError(errorText(e, lang));
    }
  };

  const grouped = React.useMemo(() => {
    const groups = new Map<RuleId, Finding[]>();
    for (const f of outcome?.summary.findings ?? []) {
      const list = groups.get(f.rule);
      if (list) list.push(f);
      else groups.set(f.rule, [f]);
    }
    const order = new Map(SEVERITIES.map((v, i) => [v, i]));
    return [...groups.entries()].sort((a, b) => order.get(RULES[a[0]].severity)! - order.get(RULES[b[0]].severity)! || b[1].length - a[1].length);
  }, [outcome]);

  const progressText =
    progress === null
      ? ""
      : progress.phase === "check" && progress.total === 0
        ? s.checkingElsewhere
        : format(progress.phase === "read" ? s.reading : progress.phase === "check" ? s.checking : s.writing, {
          done: progress.done.toLocaleString(lang),
          total: progress.total.toLocaleString(lang),
        });

  return (
    <Section title={s.title} intro={s.intro} testId="panel-validate">
      <Field label={s.ledger}>
        <div className={styles.row}>
          <Dropdown
            className={styles.grow}
            data-testid="ledger-picker"
            value={candidate ? `${candidate.label} · ${format(s.rowsLabel, { rows: candidate.rows })}` : ""}
            selectedOptions={selected ? [selected] : []}
            onOptionSelect={(_, d) => dispatch({ type: "select", key: d.optionValue ?? null })}
            disabled={!gateway || progress !== null}
          >
            {(candidates ?? []).map((c) => (
              <Option key={candidateKey(c)} value={candidateKey(c)} text={c.label}>
                {`${c.label} · ${format(s.rowsLabel, { rows: c.rows })}`}
              </Option>
            ))}
          </Dropdown>
          <Button onClick={() => void lookForLedgers()} disabled={!gateway || progress !== null} title={s.ledgerHint}>
            {s.refresh}
          </Button>
        </div>
      </Field>
      {candidates !== null && candidates.length === 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="no-ledger">
          <MessageBarBody>
            <b>{s.noLedgerTitle}</b>
            {companions.length > 0 && (
              <div>
                {format(s.onlyCompanions, {
                  sheets: companions.map((c) => format(s.companionIs, { sheet: c.sheet, kind: s.companionKinds[c.kind] })).join(lang === "zh-CN" ? "；" : "; "),
                })}
              </div>
            )}
            <div>{s.noLedgerNext}</div>
          </MessageBarBody>
        </MessageBar>
      )}

      {header && header.columns.length > 0 && (
        <Accordion collapsible>
          <AccordionItem value="mapping">
            <AccordionHeader size="small" data-testid="mapping-toggle">
              {`${s.mapping} · ${format(s.mappedCount, { n: EDITABLE_FIELDS.filter((f) => mappedIndex(f) !== null).length, of: EDITABLE_FIELDS.length })}`}
            </AccordionHeader>
            <AccordionPanel>
              <Text size={200} className={styles.muted}>
                {s.mappingHint}
              </Text>
              <div className={styles.mapping} data-testid="mapping">
                {EDITABLE_FIELDS.map((field) => {
                  const decl = LEDGER_FIELDS.find((d) => d.field === field)!;
                  const index = mappedIndex(field);
                  return (
                    <React.Fragment key={field}>
                      <Text size={200}>{decl.label[lang]}</Text>
                      <Select
                        size="small"
                        aria-label={decl.label[lang]}
                        value={index === null ? "" : String(index)}
                        onChange={(_, d) => dispatch({ type: "map", field, index: d.value === "" ? null : Number(d.value) })}
                        disabled={progress !== null}
                      >
                        <option value="">{s.notMapped}</option>
                        {header.columns.map((c) => (
                          <option key={c.index} value={String(c.index)}>
                            {c.header ? `${c.letter}: ${c.header}` : c.letter}
                          </option>
                        ))}
                      </Select>
                    </React.Fragment>
                  );
                })}
              </div>
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      )}

      <DateField lang={lang} label={s.asOf} hint={s.asOfHint} value={asOf} onChange={setAsOf} testId="as-of" disabled={progress !== null} />
      <div className={styles.row}>
        <Button ref={runButton} appearance="primary" onClick={start} disabled={!gateway || !candidate || progress !== null} data-testid="run">
          {s.run}
        </Button>
      </div>

      {progress !== null && (
        <Field validationMessage={progressText} validationState="none">
          <div className={styles.row}>
            <ProgressBar className={styles.grow} value={progress.total > 0 ? progress.done / progress.total : undefined} aria-label={progressText} />
            <Button size="small" onClick={() => abort.current && (abort.current.aborted = true)}>
              {s.cancel}
            </Button>
          </div>
        </Field>
      )}

      {error !== null && (
        <MessageBar intent="error" data-testid="error">
          <MessageBarBody className={styles.word}>{error}</MessageBarBody>
        </MessageBar>
      )}

      {outcome && (
        <div data-testid="results" ref={resultsRef} tabIndex={-1} className={styles.results} aria-label={s.resultsLabel}>
          {/* What was read against the ledger's own totals comes first (issue 13: never silently wrong). */}
          <MessageBar layout="multiline" intent={outcome.summary.reading.reconciliation === "differences" || outcome.summary.reading.mostlyUnusable ? "error" : "info"} data-testid="reconciliation">
            <MessageBarBody>
              {outcome.summary.reading.mostlyUnusable && outcome.summary.reading.reconciliation !== "differences" && <div>{s.mostlyUnusable}</div>}
              {outcome.summary.reading.reconciliation === "differences"
                ? format(s.notReconciled, { n: outcome.summary.reading.controlDifferences })
                : outcome.summary.reading.reconciliation === "reconciled"
                  ? format(s.reconciled, { n: outcome.summary.reading.controlsChecked })
                  : s.noControlTotals}
              {outcome.summary.reading.mostlyUnusable && outcome.summary.reading.reconciliation === "differences" && <div>{s.mostlyUnusable}</div>}
              {outcome.summary.reading.leftOut.count > 0 && (
                <div>{format(s.leftOut, { n: outcome.summary.reading.leftOut.count, asOf: isoToDisplay(outcome.asOf, lang), items: outcome.summary.reading.leftOut.items, credits: outcome.summary.reading.leftOut.credits })}</div>
              )}
              {outcome.summary.reading.advances.count > 0 && <div>{format(s.advances, { n: outcome.summary.reading.advances.count, total: money(outcome.summary.reading.advances.total) })}</div>}
              {outcome.summary.reading.inexact && <div>{format(s.inexact, { asOf: isoToDisplay(outcome.asOf, lang) })}</div>}
            </MessageBarBody>
          </MessageBar>
          <MessageBar intent="success" layout="multiline" data-testid="done">
            <MessageBarBody className={styles.word}>
              {format(s.done, { rows: outcome.summary.totals.all.count, asOf: isoToDisplay(outcome.asOf, lang), results: outcome.sheets.results, findings: outcome.sheets.findings })}
            </MessageBarBody>
          </MessageBar>
          <Table size="extra-small" aria-label={s.byClass} data-testid="by-class" className={styles.totals}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{s.byClass}</TableHeaderCell>
                <TableHeaderCell className={styles.num}>{s.count}</TableHeaderCell>
                <TableHeaderCell className={styles.num}>{s.balance}</TableHeaderCell>
                <TableHeaderCell className={styles.num}>{s.provision}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {(["normal", "overdue", "stale", "bad", "unclassified"] as const).map((k) => {
                const t = outcome.summary.totals.byClass[k];
                // Rows whose due date is unknown still count in the total, so they get a line when there are any.
                if (k === "unclassified" && t.count === 0) return null;
                return (
                  <TableRow key={k}>
                    <TableCell>{k === "unclassified" ? s.unclassified : all.agingClass[k]}</TableCell>
                    <TableCell className={styles.num}>{t.count}</TableCell>
                    <TableCell className={styles.num}>{money(t.balance)}</TableCell>
                    <TableCell className={styles.num}>{money(t.provision)}</TableCell>
                  </TableRow>
                );
              })}
              <TableRow>
                <TableCell>
                  <b>{all.output.total}</b>
                </TableCell>
                <TableCell className={styles.num}>{outcome.summary.totals.all.count}</TableCell>
                <TableCell className={styles.num}>{money(outcome.summary.totals.all.balance)}</TableCell>
                <TableCell className={styles.num}>{money(outcome.summary.totals.all.provision)}</TableCell>
              </TableRow>
            </TableBody>
          </Table>
          <Switch
            label={s.highlight}
            checked={highlight}
            onChange={(_, d) => {
              dispatch({ type: "highlight", on: d.checked });
              void mark(d.checked);
            }}
            data-testid="highlight"
          />
          {highlight && marked && (
            <Text size={200} className={styles.muted} block data-testid="highlighted">
              {format(s.highlighted, { cells: marked.cells, rules: marked.rules })}
              {marked.left > 0 && ` ${format(s.highlightLeft, { n: marked.left })}`}
            </Text>
          )}
          <Text weight="semibold" as="h3" style={{ display: "block", marginTop: tokens.spacingVerticalM }}>
            {`${s.bySeverity}${colon}${SEVERITIES.map((v) => `${all.severity[v]} ${outcome.summary.totals.findings[v]}`).join(sep)}`}
          </Text>
          {grouped.length === 0 ? (
            <Text>{s.noFindings}</Text>
          ) : (
            <Accordion multiple collapsible data-testid="findings">
              {grouped.map(([rule, list]) => (
                <AccordionItem key={rule} value={rule}>
                  <AccordionHeader size="small">
                    {`${all.severity[RULES[rule].severity]} · ${RULES[rule].title[lang]}${lang === "zh-CN" ? "（" : " ("}${countText(list.length, s.findingOne, s.findingsCount)}${lang === "zh-CN" ? "）" : ")"}`}
                  </AccordionHeader>
                  <AccordionPanel>
                    {list.slice(0, 200).map((f, i) => (
                      <div key={i} className={styles.finding}>
                        <Link
                          as="button"
                          data-testid="finding-link"
                          onClick={() => void gateway?.select(f.sheet, f.column ? `${f.column}${f.row}` : `${f.row}:${f.row}`).catch((e: unknown) => setError(errorText(e, lang)))}
                        >
                          {f.cell}
                        </Link>
                        <Text size={200} className={`${styles.muted} ${styles.word}`}>
                          {messageWithoutCell(f.message[lang], f.cell)}
                        </Text>
                      </div>
                    ))}
                  </AccordionPanel>
                </AccordionItem>
              ))}
            </Accordion>
          )}
        </div>
      )}

      <ConfirmReplace lang={lang} sheets={confirm} onReplace={() => void run(true)} onKeep={() => dispatch({ type: "confirm", edited: null })} returnTo={runButton} />
      <DateConfirm
        lang={lang}
        concern={concern}
        date={asOf}
        returnTo={runButton}
        onUse={() => {
          dispatch({ type: "concern", concern: null });
          void run();
        }}
        onChange={() => dispatch({ type: "concern", concern: null })}
      />
    </Section>
  );
}
