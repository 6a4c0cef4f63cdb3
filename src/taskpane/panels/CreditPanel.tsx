import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Card,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Option,
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
import { formatIsoDate, parseDate } from "../../core/dates";
import { FIELD_LABELS, HEADER_KEYS, MAX_RATERS, scoreForm, type FormAnswer, type FormOption, type SheetProblem } from "../../core/credit-forms/questionnaire";
import type { MasterProposal } from "../../excel/credit-master";
import { Dec } from "../../core/money";
import { DEFAULT_POLICY } from "../../core/policy/defaults";
import type { Policy, QuestionnaireItem } from "../../core/policy/types";
import { format, stringsFor, type Lang } from "../../i18n";
import { creditReducer, initialCreditState, isDirty, type CreditMessage } from "../credit/credit-state";
import { draftKey, loadDraft, saveDraft } from "../credit/draft";
import { SupplierLetters } from "../credit/SupplierLetters";
import type { ValidateGateway } from "../validate/gateway";
import { Section } from "./Section";
import { errorText, money, percent, todayIso } from "./ui";
import { ConfirmReplace } from "./ConfirmReplace";
import { creditDisplay } from "../credit/gate";
import { formatDisplayDate, isoToDisplay, parseDisplayDate, toIso } from "../dates";
import { usePane, useReturnFocus } from "../shared";

const useStyles = makeStyles({
  row: { display: "flex", columnGap: tokens.spacingHorizontalS, alignItems: "end", flexWrap: "wrap" },
  grow: { flexGrow: 1, minWidth: "120px" },
  // As many columns of at least 170 px as the pane holds: one at 320 px, two at 450 px (the
  // pane's own width decides, not the window's, so it also holds in the preview).
  fields: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(min(100%, 170px), 1fr))",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  wide: { gridColumn: "1 / -1" },
  item: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS, paddingBottom: tokens.spacingVerticalS, borderBottom: `1px solid ${tokens.colorNeutralStroke3}` },
  // The answer takes the row; the exact score, when opened, goes under it at 320 px.
  answer: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalXS, rowGap: tokens.spacingVerticalXXS, alignItems: "center" },
  answerSelect: { flexGrow: 1, flexBasis: "160px", minWidth: 0 },
  exactBox: { flexBasis: "72px", flexGrow: 0, minWidth: 0, width: "88px" },
  raterLine: { flexBasis: "100%" },
  raterTag: { color: tokens.colorNeutralForeground3, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  rater: { color: tokens.colorNeutralForeground3 },
  muted: { color: tokens.colorNeutralForeground3 },
  // Compact: two short lines and the buttons, so the sticky card leaves the form most of a 320 px pane.
  score: {
    position: "sticky",
    bottom: 0,
    zIndex: 1,
    display: "flex",
    flexDirection: "column",
    rowGap: "2px",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow8,
  },
  big: { fontVariantNumeric: "tabular-nums" },
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
});

/** "3、5、7" or "3, 5, 7", the first twelve and a count beyond. */
function listItems(items: readonly number[], lang: Lang): string {
  const sep = lang === "zh-CN" ? "、" : ", ";
  return items.length > 12 ? `${items.slice(0, 12).join(sep)} …（${items.length}）` : items.join(sep);
}

function groupsOf(items: readonly QuestionnaireItem[]): { key: string; items: QuestionnaireItem[] }[] {
  const out: { key: string; items: QuestionnaireItem[] }[] = [];
  for (const item of items) {
    const key = item.group["zh-CN"];
    const last = out[out.length - 1];
    if (last && last.key === key) last.items.push(item);
    else out.push({ key, items: [item] });
  }
  return out;
}

function optionValue(o: FormOption): string {
  return o === null ? "" : String(o);
}

function parseOption(v: string): FormOption {
  if (v === "dont-know") return "dont-know";
  if (v === "1" || v === "2" || v === "3") return Number(v) as 1 | 2 | 3;
  return null;
}

export function CreditPanel({ lang, gateway }: { lang: Lang; gateway?: ValidateGateway }): React.JSX.Element {
  const styles = useStyles();
  const s = stringsFor(lang).credit;
  const [state, dispatch] = React.useReducer(creditReducer, undefined, initialCreditState);
  const { policy, form, sheet, restored, sheets, picked, busy, message, confirmReplace, master, touched, discard, dontKnowConfirmed, exactOn } = state;
  const pane = usePane();
  const saveButton = React.useRef<HTMLButtonElement>(null);
  useReturnFocus(discard !== null);
  useReturnFocus(master !== null, saveButton);
  const key = React.useMemo(() => draftKey(gateway?.documentKey() ?? ""), [gateway]);
  // The language as last rendered, read (not watched) by the effect below: a change of language keeps the form.
  const langNow = React.useRef(lang);
  // Kept current after each commit (not during render, which React may discard); runs before the effect below.
  React.useLayoutEffect(() => {
    langNow.current = lang;
  });

  // The policy in force and the draft, once per gateway: the draft is checked against the policy's items.
  React.useEffect(() => {
    let live = true;
    const lang = langNow.current;
    const s = stringsFor(lang).credit;
    const start = (p: Policy, problem?: string) => {
      if (!live) return;
      // The policy sheet could not be read: score with the defaults, and say so.
      const unreadText = problem === undefined ? null : format(s.policyUnread, { problem });
      dispatch({ type: "started", policy: p, draft: loadDraft(p, key), restoredText: s.draftRestored, unreadText });
    };
    if (gateway) gateway.policy().then((r) => start(r.policy), (e: unknown) => start(DEFAULT_POLICY, errorText(e, lang)));
    else start(DEFAULT_POLICY);
    return () => {
      live = false;
    };
  }, [gateway, key]);

  // Every change is kept, so a reload or a failed save loses nothing.
  React.useEffect(() => {
    if (restored && touched) saveDraft({ form, sheet }, key);
  }, [form, sheet, restored, touched, key]);

  const dirty = isDirty(state);
  /** Runs `then` at once, or after the user agrees to drop unsaved answers. */
  const unlessDirty = (then: () => void) => (dirty ? dispatch({ type: "ask-discard", then }) : then());

  const lookForSheets = React.useCallback(async () => {
    if (!gateway) return;
    try {
      dispatch({ type: "sheets-found", sheets: await gateway.creditSheets() });
    } catch (e) {
      dispatch({ type: "message", message: { intent: "error", text: errorText(e, lang) } });
    }
  }, [gateway, lang]);
  React.useEffect(() => {
    void lookForSheets();
  }, [lookForSheets]);

  const score = React.useMemo(() => scoreForm(form, policy), [form, policy]);
  const shown = creditDisplay(score, dontKnowConfirmed);
  const groups = React.useMemo(() => groupsOf(policy.credit.items), [policy]);

  const setHeader = (field: (typeof HEADER_KEYS)[number], value: string) => dispatch({ type: "edit", edit: { kind: "header", field, value } });
  const setAnswer = (rater: number, item: number, change: Partial<FormAnswer>) => dispatch({ type: "edit", edit: { kind: "answer", rater, item, change } });
  const setRater = (rater: number, change: { name?: string; weight?: string | null }) => dispatch({ type: "edit", edit: { kind: "rater", rater, change } });
  const addRater = () => dispatch({ type: "edit", edit: { kind: "add-rater" } });
  const removeRater = (rater: number) => dispatch({ type: "edit", edit: { kind: "remove-rater", rater } });
  const setMessage = (m: CreditMessage | null) => dispatch({ type: "message", message: m });
  const setBusy = (b: boolean) => dispatch({ type: "busy", busy: b });

  const load = async () => {
    if (!gateway || picked === null) return;
    setBusy(true);
    setMessage(null);
    try {
      const r = await gateway.loadQuestionnaire(picked);
      dispatch({
        type: "loaded",
        sheet: picked,
        policy: r.policy,
        form: r.form,
        message:
          r.problems.length === 0
            ? { intent: "success", text: format(s.loaded, { sheet: picked }) }
            : { intent: "warning", text: format(s.problemsOnSheet, { sheet: picked }), details: r.problems.map((p: SheetProblem) => `${p.cell}: ${p.message[lang]}`) },
      });
    } catch (e) {
      setMessage({ intent: "error", text: errorText(e, lang) });
    } finally {
      setBusy(false);
    }
  };

  const newForm = () => dispatch({ type: "new-form" });

  const save = async (replaceEdited = false) => {
    if (!gateway) return;
    if (form.header.customer.trim() === "") {
      setMessage({ intent: "error", text: s.noCustomer });
      return;
    }
    if (score.problems.length > 0) {
      setMessage({ intent: "error", text: s.fixFirst, details: score.problems.map((p) => p.message[lang]) });
      pane.announce(s.fixFirst);
      return;
    }
    if (shown.kind === "incomplete") {
      const text = format(s.answerAllFirst, { n: shown.unanswered.length });
      setMessage({ intent: "error", text });
      pane.announce(text);
      return;
    }
    setBusy(true);
    setMessage(null);
    dispatch({ type: "confirm-replace", sheet: null });
    try {
      const r = await gateway.saveQuestionnaire({ form, lang, sheet, replaceEdited });
      if (r.kind === "confirm") dispatch({ type: "confirm-replace", sheet: r.edited[0] ?? null });
      else {
        const pending = r.scorePending === "#NAME?" ? s.scorePendingName : r.scorePending === "#BUSY!" ? s.scorePendingBusy : null;
        const text = pending === null ? format(s.saved, { sheet: r.sheet }) : `${format(s.saved, { sheet: r.sheet })} ${pending}`;
        // The form as it was sent: an edit made while saving stays unsaved.
        dispatch({ type: "saved", sheet: r.sheet, savedForm: JSON.stringify(form), message: { intent: pending === null ? "success" : "warning", text } });
        pane.announce(text);
        void lookForSheets();
        // Show the sheet just written, as Excel users expect of a "save to sheet".
        void gateway.showSheet(r.sheet).catch(() => undefined);
      }
    } catch (e) {
      // The form stays as it is (and in the draft): nothing typed is lost.
      setMessage({ intent: "error", text: errorText(e, lang) });
      pane.announce(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };

  const proposal = (): MasterProposal | null => {
    if (shown.kind !== "scored" || score.score === null || score.grade === null || sheet === null) return null;
    let review: number | null = null;
    try {
      review = parseDate(form.header.surveyDate);
    } catch {
      review = null;
    }
    return {
      customer: form.header.customer,
      customerCode: form.header.customerCode,
      grade: score.grade,
      limit: score.limit,
      reviewDate: review ?? (parseDate(todayIso(new Date())) as number),
      score: score.score,
      questionnaire: sheet,
    };
  };

  const showMaster = async () => {
    const p = proposal();
    if (!gateway || p === null) return;
    setBusy(true);
    setMessage(null);
    try {
      const r = await gateway.masterUpdate({ proposal: p, lang, apply: false });
      dispatch({ type: "master", master: { proposal: p, plan: r.plan, changed: false } });
    } catch (e) {
      setMessage({ intent: "error", text: errorText(e, lang) });
    } finally {
      setBusy(false);
    }
  };

  const applyMaster = async () => {
    if (!gateway || master === null) return;
    setBusy(true);
    try {
      const r = await gateway.masterUpdate({ proposal: master.proposal, lang, apply: true, expected: master.plan.old });
      if (r.kind === "changed") dispatch({ type: "master", master: { ...master, plan: r.plan, changed: true } });
      else if (r.kind === "done") {
        dispatch({ type: "master", master: null });
        setMessage({
          intent: "success",
          text: format(s.masterDone, { sheet: r.plan.sheet, row: r.plan.row ?? r.plan.newRow, history: r.history.sheet, historyRow: r.history.row }),
        });
      }
    } catch (e) {
      dispatch({ type: "master", master: null });
      setMessage({ intent: "error", text: errorText(e, lang) });
    } finally {
      setBusy(false);
    }
  };

  const problemFor = (rater: number, item: number) => score.problems.find((p) => p.rater === rater + 1 && p.item === item)?.message[lang];
  const answeredIn = (items: QuestionnaireItem[]) => {
    let n = 0;
    for (const r of form.raters) for (const it of items) if (r.answers[it.no - 1]?.option != null || r.answers[it.no - 1]?.score) n++;
    return n;
  };
  const total = policy.credit.items.length * form.raters.length;
  const several = form.raters.length > 1;

  return (
    <Section title={s.title} intro={s.intro} testId="panel-credit">
      <div className={styles.row}>
        <Field label={s.open} className={styles.grow}>
          <Dropdown
            placeholder={s.openPlaceholder}
            value={picked ?? ""}
            selectedOptions={picked ? [picked] : []}
            onOptionSelect={(_, d) => dispatch({ type: "pick", sheet: d.optionValue ?? null })}
            disabled={!gateway || busy}
            data-testid="questionnaire-picker"
          >
            {sheets.questionnaires.map((q) => (
              <Option key={q} value={q}>
                {q}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Button onClick={() => unlessDirty(() => void load())} disabled={!gateway || busy || picked === null} data-testid="load-questionnaire">
          {s.load}
        </Button>
        <Button onClick={() => unlessDirty(newForm)} disabled={busy} data-testid="new-questionnaire">
          {s.newForm}
        </Button>
      </div>

      {message && (
        <MessageBar intent={message.intent} data-testid="credit-message">
          <MessageBarBody>
            {message.text}
            {message.details && (
              <ul style={{ margin: 0, paddingLeft: tokens.spacingHorizontalL }}>
                {message.details.slice(0, 20).map((d, i) => (
                  <li key={i}>{d}</li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}

      <Accordion multiple collapsible defaultOpenItems={["customer", "raters", ...groups.map((g) => g.key)]}>
        <AccordionItem value="customer">
          <AccordionHeader size="small">{s.customerSection}</AccordionHeader>
          <AccordionPanel>
            <div className={styles.fields}>
              {HEADER_KEYS.map((key) => (
                <Field
                  key={key}
                  label={FIELD_LABELS[key][lang]}
                  className={key === "address" || key === "otherContacts" || key === "projectStatus" ? styles.wide : undefined}
                  {...(key === "contractValue" && score.problems.some((p) => p.field === "contract-value")
                    ? { validationState: "error" as const, validationMessage: score.problems.find((p) => p.field === "contract-value")!.message[lang] }
                    : {})}
                >
                  <Input
                    size="small"
                    // A date as the display language writes it (2011/9/5, 9/5/2011), kept as ISO once it reads as one.
                    value={key === "surveyDate" ? isoToDisplay(form.header[key], lang) : form.header[key]}
                    placeholder={key === "surveyDate" ? formatDisplayDate(parseDisplayDate("2011-09-05", lang)!, lang) : undefined}
                    onChange={(_, d) => {
                      const day = key === "surveyDate" ? parseDisplayDate(d.value, lang) : null;
                      setHeader(key, day === null ? d.value : toIso(day));
                    }}
                    data-testid={`header-${key}`}
                    disabled={busy}
                  />
                </Field>
              ))}
            </div>
          </AccordionPanel>
        </AccordionItem>

        <Switch
          checked={exactOn}
          onChange={(_, d) => dispatch({ type: "exact-scores", on: d.checked })}
          label={s.exactSwitch}
          data-testid="exact-switch"
        />
        <AccordionItem value="raters">
          <AccordionHeader size="small">{`${s.raters} (${form.raters.length})`}</AccordionHeader>
          <AccordionPanel>
            {form.raters.map((r, i) => (
              <div key={i} className={styles.row}>
                <Field label={format(s.raterName, { n: i + 1 })} className={styles.grow}>
                  <Input size="small" value={r.name} onChange={(_, d) => setRater(i, { name: d.value })} data-testid={`rater-name-${i + 1}`} disabled={busy} />
                </Field>
                {several && (
                  <Field
                    label={s.raterWeight}
                    style={{ width: "72px" }}
                    {...(score.problems.some((p) => p.field === "rater-weight" && p.rater === i + 1)
                      ? { validationState: "error" as const, validationMessage: score.problems.find((p) => p.field === "rater-weight" && p.rater === i + 1)!.message[lang] }
                      : {})}
                  >
                    <Input size="small" value={r.weight ?? ""} onChange={(_, d) => setRater(i, { weight: d.value.trim() === "" ? null : d.value })} data-testid={`rater-weight-${i + 1}`} disabled={busy} />
                  </Field>
                )}
                {several && (
                  <Button size="small" appearance="subtle" onClick={() => removeRater(i)} disabled={busy}>
                    {s.removeRater}
                  </Button>
                )}
              </div>
            ))}
            {several && (
              <Text size={200} className={styles.muted} block>
                {s.raterWeightHint}
              </Text>
            )}
            <Button size="small" onClick={addRater} disabled={busy || form.raters.length >= MAX_RATERS} data-testid="add-rater">
              {s.addRater}
            </Button>
          </AccordionPanel>
        </AccordionItem>

        {groups.map((g) => (
          <AccordionItem key={g.key} value={g.key}>
            <AccordionHeader size="small">{`${g.items[0].group[lang]} · ${format(s.answered, { n: answeredIn(g.items), of: g.items.length * form.raters.length })}`}</AccordionHeader>
            <AccordionPanel>
              {g.items.map((item) => (
                <div key={item.no} className={styles.item} data-testid={`item-${item.no}`}>
                  <Text size={200} weight="semibold">{`${item.no}. ${item.item[lang]} · ${percent(item.weight)}`}</Text>
                  {form.raters.map((r, ri) => {
                    const a = r.answers[item.no - 1];
                    const problem = problemFor(ri, item.no);
                    return (
                      <Field key={ri} {...(problem ? { validationState: "error" as const, validationMessage: problem } : {})}>
                        <div className={styles.answer}>
                          {several && (
                            <Text size={200} className={`${styles.raterTag} ${styles.raterLine}`} title={r.name || format(s.raterName, { n: ri + 1 })}>
                              {r.name || format(s.raterName, { n: ri + 1 })}
                            </Text>
                          )}
                          <Select
                            className={styles.answerSelect}
                            size="small"
                            aria-label={several ? `${item.item[lang]} · ${r.name || format(s.raterName, { n: ri + 1 })}` : item.item[lang]}
                            value={optionValue(a.option)}
                            onChange={(_, d) => setAnswer(ri, item.no - 1, { option: parseOption(d.value) })}
                            data-testid={`answer-${item.no}-${ri + 1}`}
                            disabled={busy}
                          >
                            <option value="">{s.noAnswer}</option>
                            {item.answers.map((ans, k) => (
                              <option key={k} value={String(k + 1)}>{`${k + 1} ${ans[lang]}`}</option>
                            ))}
                            <option value="dont-know">{s.dontKnow}</option>
                          </Select>
                          {(exactOn || a.score !== null) && (
                            <Input
                              className={styles.exactBox}
                              size="small"
                              placeholder={s.exact}
                              title={s.exactHint}
                              aria-label={`${item.item[lang]} · ${s.exact}`}
                              value={a.score ?? ""}
                              onChange={(_, d) => setAnswer(ri, item.no - 1, { score: d.value.trim() === "" ? null : d.value })}
                              data-testid={`score-${item.no}-${ri + 1}`}
                              disabled={busy || a.option === "dont-know"}
                            />
                          )}
                        </div>
                      </Field>
                    );
                  })}
                </div>
              ))}
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>

      <Card className={styles.score} data-testid="credit-score">
        <Text size={200} className={styles.muted}>
          {format(s.answered, { n: score.answered, of: total })}
        </Text>
        {shown.kind === "scored" ? (
          <>
            <Text size={400} weight="semibold" className={styles.big} data-testid="credit-result">
              {`${s.scoreTitle} ${new Dec(shown.score).toFixed(2)} · ${s.grade} ${shown.grade ?? "—"}`}
            </Text>
            <Text size={200} className={styles.big} data-testid="credit-limit">
              {`${s.limit}${lang === "zh-CN" ? "：" : ": "}${shown.limit === null ? s.noLimit : money(shown.limit)}`}
            </Text>
            {shown.assumedDontKnow.length > 0 && (
              <Text size={200} className={styles.muted}>
                {format(s.unanswered, { items: listItems(shown.assumedDontKnow, lang) })}
              </Text>
            )}
          </>
        ) : shown.kind === "incomplete" ? (
          <>
            <Text size={300} weight="semibold" data-testid="credit-result">
              {format(s.notScoredYet, { n: shown.unanswered.length })}
            </Text>
            <div className={styles.row}>
              <Button size="small" onClick={() => dispatch({ type: "confirm-dont-know" })} disabled={busy} data-testid="confirm-dont-know">
                {format(s.countAsDontKnow, { score: policy.credit.dontKnowScore })}
              </Button>
            </div>
          </>
        ) : (
          <Text size={300} weight="semibold" data-testid="credit-result">
            {s.fixFirst}
          </Text>
        )}
        <div className={styles.row}>
          <Button ref={saveButton} appearance="primary" size="small" onClick={() => void save()} disabled={!gateway || busy} data-testid="save-questionnaire">
            {s.save}
          </Button>
          <Button
            size="small"
            onClick={() => void showMaster()}
            disabled={!gateway || busy || sheet === null || shown.kind !== "scored" || dirty}
            title={dirty ? s.saveFirst : undefined}
            data-testid="update-master"
          >
            {s.master}
          </Button>
        </div>
        {dirty && sheet !== null && (
          <Text size={200} className={styles.muted}>
            {s.saveFirst}
          </Text>
        )}
      </Card>

      <SupplierLetters lang={lang} policy={policy} customer={form.header.customer} address={form.header.address} letters={sheets.letters} onMade={() => void lookForSheets()} {...(gateway ? { gateway } : {})} />

      <ConfirmReplace lang={lang} sheets={confirmReplace === null ? null : [confirmReplace]} onReplace={() => void save(true)} onKeep={() => dispatch({ type: "confirm-replace", sheet: null })} />

      <Dialog open={discard !== null} onOpenChange={(_, d) => !d.open && dispatch({ type: "ask-discard", then: null })}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{s.discardTitle}</DialogTitle>
            <DialogContent>{s.discardBody}</DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                onClick={() => {
                  const then = discard;
                  dispatch({ type: "ask-discard", then: null });
                  then?.();
                }}
                data-testid="discard-confirm"
              >
                {s.discardYes}
              </Button>
              <Button onClick={() => dispatch({ type: "ask-discard", then: null })}>{s.discardNo}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>

      <Dialog open={master !== null} onOpenChange={(_, d) => !d.open && dispatch({ type: "master", master: null })}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{s.masterTitle}</DialogTitle>
            <DialogContent data-testid="master-dialog">
              {master && (
                <>
                  {master.changed && (
                    <MessageBar intent="warning">
                      <MessageBarBody>{s.masterChanged}</MessageBarBody>
                    </MessageBar>
                  )}
                  <Text block>
                    {master.plan.row === null
                      ? format(s.masterNewRow, { customer: master.proposal.customer, sheet: master.plan.sheet, row: master.plan.newRow })
                      : format(s.masterBody, { row: master.plan.row, sheet: master.plan.sheet, history: s.history.sheet })}
                  </Text>
                  <Table size="extra-small">
                    <TableHeader>
                      <TableRow>
                        <TableHeaderCell>{s.masterField}</TableHeaderCell>
                        <TableHeaderCell className={styles.num}>{s.masterOld}</TableHeaderCell>
                        <TableHeaderCell className={styles.num}>{s.masterNew}</TableHeaderCell>
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      <TableRow>
                        <TableCell>{s.fields.grade}</TableCell>
                        <TableCell className={styles.num}>{master.plan.old.grade ?? "—"}</TableCell>
                        <TableCell className={styles.num}>{master.proposal.grade}</TableCell>
                      </TableRow>
                      <TableRow>
                        <TableCell>{s.fields.limit}</TableCell>
                        <TableCell className={styles.num}>{master.plan.old.limit === null ? "—" : money(master.plan.old.limit)}</TableCell>
                        <TableCell className={styles.num}>{master.proposal.limit === null ? s.unchanged : money(master.proposal.limit)}</TableCell>
                      </TableRow>
                      <TableRow>
                        <TableCell>{s.fields.lastReview}</TableCell>
                        <TableCell className={styles.num}>{master.plan.old.lastReview === null ? "—" : formatIsoDate(master.plan.old.lastReview)}</TableCell>
                        <TableCell className={styles.num}>{formatIsoDate(master.proposal.reviewDate)}</TableCell>
                      </TableRow>
                    </TableBody>
                  </Table>
                  {master.plan.missing.length > 0 && (
                    <Text size={200} className={styles.muted} block>
                      {format(s.masterMissing, { fields: master.plan.missing.map((f) => s.fields[f]).join(", ") })}
                    </Text>
                  )}
                </>
              )}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => void applyMaster()} disabled={busy} data-testid="master-confirm">
                {s.masterConfirm}
              </Button>
              <Button onClick={() => dispatch({ type: "master", master: null })}>{s.masterCancel}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </Section>
  );
}
