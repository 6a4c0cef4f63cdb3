import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Checkbox,
  Dropdown,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  Option,
  ProgressBar,
  Radio,
  RadioGroup,
  Select,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { AGING_CLASSES } from "../../core/aging";
import { toYmd } from "../../core/calendar";
import { type CompanyInfo, fieldNames } from "../../core/notices/company";
import type { NoticeKind, NoticeLine, NoticesParams } from "../../excel/notices-run";
import { format, stringsFor, type Lang } from "../../i18n";
import type { ValidateGateway } from "../validate/gateway";
import { Section } from "./Section";
import { errorText, money, percent } from "./ui";
import { ConfirmReplace } from "./ConfirmReplace";
import { CompanyForm, type CompanyFormHandle } from "./CompanyForm";
import { DateField } from "./DateField";
import { dayOfIso } from "../dates";
import { usePane } from "../shared";
import { countText } from "./count";
import { type Found, INITIAL_NOTICES_STATE, noticesReducer } from "../notices/notices-state";

const useStyles = makeStyles({
  row: { display: "flex", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, alignItems: "end", flexWrap: "wrap" },
  grow: { flexGrow: 1, minWidth: "140px" },
  classes: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS },
  num: { fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  muted: { color: tokens.colorNeutralForeground2 },
  // One customer per list item, two lines: the name (wrapping) with its tick, then the figures.
  found: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column" },
  foundItem: { display: "flex", flexDirection: "column", paddingBottom: tokens.spacingVerticalXS, borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, minWidth: 0 },
  figures: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXXS, paddingLeft: "32px" },
  badge: { flexShrink: 0, whiteSpace: "nowrap" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  word: { overflowWrap: "anywhere" },
});

const TONE_COLOR = { gentle: "informative", firm: "warning", legal: "danger" } as const;

/** 1 January of an ISO date's year, as ISO text ("" when the date is not one yet). */
function startOfYear(iso: string): string {
  const day = dayOfIso(iso);
  return day === null ? "" : `${toYmd(day).y}-01-01`;
}


/** Rows numbers as a short text: "9–11" or "9, 12". */
function rowsText(rows: readonly number[]): string {
  if (rows.length === 0) return "";
  const contiguous = rows.every((r, i) => i === 0 || r === rows[i - 1] + 1);
  return contiguous && rows.length > 1 ? `${rows[0]}–${rows[rows.length - 1]}` : rows.join(", ");
}

export function NoticesPanel({ lang, gateway }: { lang: Lang; gateway?: ValidateGateway }): React.JSX.Element {
  const styles = useStyles();
  const all = stringsFor(lang);
  const s = all.notices;
  const pane = usePane();
  const [state, dispatch] = React.useReducer(noticesReducer, INITIAL_NOTICES_STATE);
  const { kind, letterLang, perCustomer, fromTyped, selectedRows, classes, departments, customers, found, checked, done, sent, choices, progress, confirm, error, company, setupOpen } = state;
  const date = pane.asOf;
  // A statement's first day: 1 January of the as-of year until the user types another.
  const from = fromTyped ?? startOfYear(date);
  const setError = (text: string | null) => dispatch({ type: "error", text });
  const onProgress = (d: number, t: number) => dispatch({ type: "progress", done: d, total: t });
  const companyForm = React.useRef<CompanyFormHandle>(null);
  const findButton = React.useRef<HTMLButtonElement>(null);
  const generateButton = React.useRef<HTMLButtonElement>(null);
  const result = React.useRef<HTMLDivElement>(null);

  React.useEffect(() => {
    if (!gateway) return;
    gateway.company().then(
      (info) => dispatch({ type: "company", company: info }),
      (e: unknown) => dispatch({ type: "error", text: errorText(e, lang) }),
    );
  }, [gateway, lang]);

  const fail = (e: unknown) => {
    const text = errorText(e, lang);
    setError(text);
    pane.announce(text);
  };

  const params = (): NoticesParams | null => {
    const day = dayOfIso(date);
    if (day === null) {
      setError(s.badDate);
      pane.announce(s.badDate);
      return null;
    }
    if (kind === "statement") {
      const first = dayOfIso(from);
      if (first === null) {
        setError(s.badFrom);
        pane.announce(s.badFrom);
        return null;
      }
      // Aging classes and departments do not choose accounts: a statement is the customer's whole account.
      return { lang, letterLang, layout: perCustomer ? "per-customer" : "batch", kind, date: day, from: first, selectedRows, customers };
    }
    return { lang, letterLang, layout: perCustomer ? "per-customer" : "batch", kind, date: day, selectedRows, classes, departments, customers };
  };

  // The as-of date lives in the pane: its change makes what was found, made or sent stale (the
  // reducer does the same for every choice made on this tab).
  React.useEffect(() => dispatch({ type: "dateChanged" }), [date]);

  const openSetup = () => {
    dispatch({ type: "setup", open: true });
    const first = found?.companyProblems[0]?.field;
    window.setTimeout(() => first && companyForm.current?.focusField(first), 50);
  };

  const find = async () => {
    const p = gateway && params();
    if (!gateway || !p) return;
    dispatch({ type: "findStarted" });
    pane.announce(s.findingStarted);
    try {
      const r = await gateway.notices({ ...p, dryRun: true, onProgress });
      if (r.kind === "confirm") return; // a dry run never asks
      dispatch({ type: "found", found: r });
      pane.announce(r.notices.length === 0 ? s.noneFound : format(s.foundAnnounce, { n: countText(r.notices.length, s.letterOne, s.letters) }));
      window.setTimeout(() => result.current?.focus(), 0);
    } catch (e) {
      fail(e);
    } finally {
      dispatch({ type: "finished" });
    }
  };

  const generate = async (replaceEdited = false) => {
    const p = gateway && found && params();
    if (!gateway || !found || !p) return;
    const chosen = found.notices.filter((n) => checked.has(n.customer)).map((n) => n.customer);
    if (chosen.length === 0) {
      setError(s.nothingChecked);
      pane.announce(s.nothingChecked);
      return;
    }
    dispatch({ type: "writeStarted" });
    pane.announce(s.writingStarted);
    try {
      // The customers ticked, within the same filters the list was found with.
      // The rows the list was found with, not whatever is selected in Excel now.
      const rows = found.rows === null ? {} : { rows: found.rows, selectedRows: false };
      const r = await gateway.notices({ ...p, ...rows, customers: chosen, replaceEdited, onProgress });
      if (r.kind === "confirm") dispatch({ type: "confirm", edited: r.edited });
      else {
        dispatch({ type: "written", done: r });
        pane.announce(doneText(r));
        window.setTimeout(() => result.current?.focus(), 0);
      }
    } catch (e) {
      fail(e);
    } finally {
      dispatch({ type: "finished" });
    }
  };

  /** The batch went out: the collection log gets its rows now (Office.js cannot see a print). */
  const markSent = async () => {
    const p = gateway && done && params();
    if (!gateway || !done || !p) return;
    setError(null);
    try {
      const rows = done.rows === null ? {} : { rows: done.rows, selectedRows: false };
      const r = await gateway.notices({ ...p, ...rows, customers: done.notices.map((n) => n.customer), logSent: true });
      if (r.kind === "confirm") return;
      dispatch({ type: "sent", sent: r });
      pane.announce(r.log === null ? s.sentNoLog : format(r.log.created ? s.logCreated : s.logged, { sheet: r.log.sheet, n: r.log.rows.length, rows: rowsText(r.log.rows) }) + (r.log.statusTerms ? format(s.logDropDown, { terms: r.log.statusTerms }) : ""));
    } catch (e) {
      fail(e);
    }
  };

  // Only a collection notice is marked as sent (it is a contact for the log); letters and statements are just printed.
  const doneText = (r: Found) => {
    const sent = kind === "collection";
    return r.batchSheet !== null
      ? format(sent ? s.doneBatch : s.doneBatchPrint, { n: countText(r.notices.length, s.letterOne, s.letters), sheet: r.batchSheet })
      : format(sent ? s.done : s.donePrint, { n: countText(r.notices.length, s.sheetOne, s.sheets) });
  };

  const tone = (n: NoticeLine) =>
    n.approach === null ? null : (
      <Badge appearance="tint" color={TONE_COLOR[n.approach]} size="medium" className={styles.badge}>
        {s.tones[n.approach]}
      </Badge>
    );

  const busy = progress !== null;
  const progressText =
    progress === null ? "" : format(progress.phase === "find" ? s.finding : s.writing, { done: progress.done.toLocaleString(lang), total: progress.total.toLocaleString(lang) });
  const checkedCount = found ? found.notices.filter((n) => checked.has(n.customer)).length : 0;
  const blocked = found !== null && found.companyProblems.length > 0;

  return (
    <Section title={s.title} intro={s.intro} testId="panel-notices">
      <Accordion collapsible openItems={setupOpen ? ["company"] : []} onToggle={(_, d) => dispatch({ type: "setup", open: d.openItems.includes("company") })}>
        <AccordionItem value="company">
          <AccordionHeader size="small" data-testid="company-toggle">
            {all.company.title}
          </AccordionHeader>
          <AccordionPanel>
            <CompanyForm
              ref={companyForm}
              lang={lang}
              value={company}
              {...(gateway ? { onSave: (info: CompanyInfo) => gateway.saveCompany(info) } : {})}
              onSaved={(info) => dispatch({ type: "companySaved", company: info })}
            />
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
      <Field label={s.kind}>
        <RadioGroup layout="vertical" value={kind} onChange={(_, d) => dispatch({ type: "choose", field: "kind", value: d.value as NoticeKind })} disabled={busy}>
          <Radio value="collection" label={s.kindCollection} data-testid="kind-collection" />
          <Radio value="confirmation" label={s.kindConfirmation} data-testid="kind-confirmation" />
          <Radio value="statement" label={s.kindStatement} data-testid="kind-statement" />
        </RadioGroup>
      </Field>
      {kind === "statement" && <DateField lang={lang} label={s.statementFrom} hint={s.statementFromHint} value={from} onChange={(value) => value !== from && dispatch({ type: "choose", field: "fromTyped", value })} testId="statement-from" disabled={busy} />}
      <DateField
        lang={lang}
        label={kind === "statement" ? s.statementTo : s.date}
        hint={kind === "statement" ? s.statementToHint : s.dateHint}
        value={date}
        onChange={pane.setAsOf}
        testId="notice-date"
        disabled={busy}
      />
      <Field label={s.letterLang} hint={s.letterLangHint}>
        <Select value={letterLang} onChange={(_, d) => dispatch({ type: "choose", field: "letterLang", value: d.value as Lang })} disabled={busy} data-testid="letter-lang">
          <option value="zh-CN">{s.letterLangs["zh-CN"]}</option>
          <option value="en-US">{s.letterLangs["en-US"]}</option>
        </Select>
      </Field>
      <Checkbox checked={selectedRows} onChange={(_, d) => dispatch({ type: "choose", field: "selectedRows", value: d.checked === true })} label={s.selectedRows} data-testid="selected-rows" disabled={busy} />
      {kind !== "statement" && (
        <Field label={s.classes}>
          <div className={styles.classes}>
            {AGING_CLASSES.map((c) => (
              <Checkbox
                key={c}
                label={all.agingClass[c]}
                checked={classes.includes(c)}
                onChange={(_, d) => dispatch({ type: "class", agingClass: c, on: d.checked === true })}
                disabled={busy}
              />
            ))}
          </div>
        </Field>
      )}
      {kind !== "statement" && (
        <Field label={s.departments}>
          <Dropdown
            multiselect
            placeholder={s.all}
            selectedOptions={departments}
            value={departments.join(lang === "zh-CN" ? "、" : ", ")}
            onOptionSelect={(_, d) => dispatch({ type: "choose", field: "departments", value: d.selectedOptions })}
            disabled={busy || choices.departments.length === 0}
            data-testid="departments"
          >
            {choices.departments.map((d) => (
              <Option key={d} value={d}>
                {d}
              </Option>
            ))}
          </Dropdown>
        </Field>
      )}
      <Field label={s.customers}>
        <Dropdown
          multiselect
          placeholder={s.all}
          selectedOptions={customers}
          value={customers.join(lang === "zh-CN" ? "、" : ", ")}
          onOptionSelect={(_, d) => dispatch({ type: "choose", field: "customers", value: d.selectedOptions })}
          disabled={busy || choices.customers.length === 0}
          data-testid="customers"
        >
          {choices.customers.map((c) => (
            <Option key={c} value={c}>
              {c}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Checkbox checked={perCustomer} onChange={(_, d) => dispatch({ type: "choose", field: "perCustomer", value: d.checked === true })} label={s.perCustomer} data-testid="per-customer" disabled={busy} />
      <div className={styles.row}>
        <Button ref={findButton} appearance={found ? "secondary" : "primary"} onClick={() => void find()} disabled={!gateway || busy} data-testid="find">
          {s.find}
        </Button>
        {found && found.kind === "planned" && found.notices.length > 0 && (
          <Button ref={generateButton} appearance="primary" onClick={() => void generate()} disabled={busy || checkedCount === 0 || blocked} data-testid="generate">
            {format(perCustomer ? s.generate : s.generateBatch, { n: checkedCount })}
          </Button>
        )}
      </div>

      {progress !== null && (
        <Field validationMessage={progressText} validationState="none">
          <ProgressBar value={progress.total > 0 ? progress.done / progress.total : undefined} aria-label={progressText} />
        </Field>
      )}

      {error !== null && (
        <MessageBar intent="error" data-testid="notices-error">
          <MessageBarBody className={styles.word}>{error}</MessageBarBody>
        </MessageBar>
      )}

      <div ref={result} tabIndex={-1} data-testid="notices-result" aria-label={s.resultLabel}>
      {blocked && found.notices.length > 0 && (
        <MessageBar intent="warning" data-testid="notices-unfilled" layout="multiline">
          <MessageBarBody>
            {format(s.unfilled, {
              fields: fieldNames(
                found.companyProblems.map((p) => p.field),
                lang,
              ),
            })}
            <div>
              <Button size="small" onClick={openSetup} data-testid="open-company">
                {s.fillCompany}
              </Button>
            </div>
          </MessageBarBody>
        </MessageBar>
      )}

      {found && found.kind === "planned" && (
        <div data-testid="notices-found">
          {found.selection !== null && (
            <Text size={200} className={styles.muted} block>
              {format(s.selection, { address: found.selection })}
            </Text>
          )}
          {found.notices.length === 0 ? (
            <MessageBar intent="info">
              <MessageBarBody>{s.noneFound}</MessageBarBody>
            </MessageBar>
          ) : (
            <ul className={styles.found} aria-label={s.customers}>
              {found.notices.map((n) => (
                <li key={n.customer} className={styles.foundItem} data-testid="notice-row">
                  <Checkbox
                    checked={checked.has(n.customer)}
                    onChange={(_, d) => dispatch({ type: "tick", customer: n.customer, on: d.checked === true })}
                    label={<span className={styles.word}>{n.customer}</span>}
                  />
                  <div className={styles.figures}>
                    <Text className={styles.num} weight="semibold">
                      {money(n.amount)}
                    </Text>
                    {n.items !== null && (
                      <Text size={200} className={styles.muted}>
                        {countText(n.items, s.itemOne, s.items)}
                      </Text>
                    )}
                    {kind === "collection" && tone(n)}
                    {kind === "collection" && (
                      <Text size={200} className={styles.muted}>
                        {format(s.probability, { p: n.probability === null ? s.notAssessed : percent(n.probability) })}
                      </Text>
                    )}
                  </div>
                </li>
              ))}
            </ul>
          )}
          {found.log !== null && found.notices.length > 0 && (
            <Text size={200} className={styles.muted} block>
              {format(s.willLog, { sheet: found.log.sheet })}
            </Text>
          )}
          <Skipped found={found} lang={lang} />
        </div>
      )}

      {done && (
        <div data-testid="notices-done">
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody className={styles.word}>{doneText(done)}</MessageBarBody>
          </MessageBar>
          <ul className={styles.list}>
            {done.notices.map((n) => (
              <li key={n.customer}>
                <Link as="button" data-testid="notice-link" onClick={() => void gateway?.select(n.sheet, `A${n.row}`).catch(fail)}>
                  {done.batchSheet !== null ? n.customer : n.sheet}
                </Link>
                <Text size={200} className={styles.muted}>{` · ${n.letterNumber ?? ""}${n.letterNumber ? " · " : ""}${money(n.amount)}`}</Text> {tone(n)}
              </li>
            ))}
          </ul>
          {kind === "collection" && done.log !== null && (
            <div className={styles.row}>
              <Button onClick={() => void markSent()} disabled={busy || sent !== null} data-testid="mark-sent">
                {s.markSent}
              </Button>
              <Text size={200} className={styles.muted}>
                {s.markSentHint}
              </Text>
            </div>
          )}
          {sent && sent.log !== null && (
            <MessageBar intent="success" data-testid="notices-logged">
              <MessageBarBody>
                {sent.log.rows.length > 0 && format(sent.log.created ? s.logCreated : s.logged, { sheet: sent.log.sheet, n: sent.log.rows.length, rows: rowsText(sent.log.rows) })}
                {sent.log.rows.length > 0 && sent.log.statusTerms ? format(s.logDropDown, { terms: sent.log.statusTerms }) : null}
                {sent.log.alreadyLogged.length > 0 && <div>{format(s.alreadyLogged, { customers: sent.log.alreadyLogged.join("、") })}</div>}
              </MessageBarBody>
            </MessageBar>
          )}
          <Skipped found={done} lang={lang} />
        </div>
      )}
      </div>

      <ConfirmReplace lang={lang} sheets={confirm} onReplace={() => void generate(true)} onKeep={() => dispatch({ type: "keep" })} returnTo={generateButton} />
    </Section>
  );
}

/** Customers the run found but writes nothing to, and why. */
function Skipped({ found, lang }: { found: Found; lang: Lang }): React.JSX.Element | null {
  const styles = useStyles();
  const s = stringsFor(lang).notices;
  if (found.skipped.length === 0) return null;
  return (
    <div data-testid="notices-skipped">
      <Text weight="semibold" size={200} block>
        {s.skippedTitle}
      </Text>
      <ul className={styles.list}>
        {found.skipped.map((k) => (
          <li key={k.customer}>
            <Text size={200}>
              {`${k.customer}: ${format(s.skipped[k.reason], { p: k.probability === null ? s.notAssessed : percent(k.probability), why: k.explanation ?? "" })}`}
            </Text>
          </li>
        ))}
      </ul>
    </div>
  );
}
