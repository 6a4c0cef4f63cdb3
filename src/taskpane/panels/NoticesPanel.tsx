import * as React from "react";
import {
  Badge,
  Button,
  Checkbox,
  Dropdown,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  Option,
  ProgressBar,
  Radio,
  RadioGroup,
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
import { AGING_CLASSES } from "../../core/aging";
import { parseDate } from "../../core/dates";
import type { AgingClass } from "../../core/policy/types";
import type { NoticeKind, NoticeLine, NoticesOutcome, NoticesParams } from "../../excel/notices-run";
import { format, stringsFor, type Lang } from "../../i18n";
import type { ValidateGateway } from "../validate/gateway";
import { Section } from "./Section";
import { errorText, money, percent, todayIso } from "./ui";
import { ConfirmReplace } from "./ConfirmReplace";

type Found = Extract<NoticesOutcome, { kind: "planned" | "done" }>;

const useStyles = makeStyles({
  row: { display: "flex", columnGap: tokens.spacingHorizontalS, alignItems: "end", flexWrap: "wrap" },
  grow: { flexGrow: 1, minWidth: "140px" },
  classes: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS },
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  muted: { color: tokens.colorNeutralForeground3 },
  table: { tableLayout: "fixed", width: "100%" },
  customerCol: { width: "46%" },
  amountCol: { width: "26%" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

const TONE_COLOR = { gentle: "informative", firm: "warning", legal: "danger" } as const;

/** Rows numbers as a short text: "9–11" or "9, 12". */
function rowsText(rows: readonly number[]): string {
  if (rows.length === 0) return "";
  const contiguous = rows.every((r, i) => i === 0 || r === rows[i - 1]! + 1);
  return contiguous && rows.length > 1 ? `${rows[0]}–${rows[rows.length - 1]}` : rows.join(", ");
}

export function NoticesPanel({ lang, gateway }: { lang: Lang; gateway?: ValidateGateway }): React.JSX.Element {
  const styles = useStyles();
  const all = stringsFor(lang);
  const s = all.notices;
  const [kind, setKind] = React.useState<NoticeKind>("collection");
  const [date, setDate] = React.useState(() => todayIso(new Date()));
  const [selectedRows, setSelectedRows] = React.useState(false);
  const [classes, setClasses] = React.useState<AgingClass[]>([]);
  const [departments, setDepartments] = React.useState<string[]>([]);
  const [customers, setCustomers] = React.useState<string[]>([]);
  const [found, setFound] = React.useState<Found | null>(null);
  const [checked, setChecked] = React.useState<Set<string>>(new Set());
  const [done, setDone] = React.useState<Found | null>(null);
  const [choices, setChoices] = React.useState<{ departments: string[]; customers: string[] }>({ departments: [], customers: [] });
  const [progress, setProgress] = React.useState<{ phase: "find" | "write"; done: number; total: number } | null>(null);
  const [confirm, setConfirm] = React.useState<string[] | null>(null);
  const [error, setError] = React.useState<string | null>(null);

  const params = (): NoticesParams | null => {
    let day: number | null;
    try {
      day = parseDate(date);
    } catch {
      day = null;
    }
    if (day === null) {
      setError(s.badDate);
      return null;
    }
    return { lang, kind, date: day, selectedRows, classes, departments, customers };
  };

  // A change of what to look for makes the list found stale.
  React.useEffect(() => {
    setFound(null);
  }, [kind, date, selectedRows, classes, departments, customers]);

  const find = async () => {
    const p = gateway && params();
    if (!gateway || !p) return;
    setError(null);
    setDone(null);
    setProgress({ phase: "find", done: 0, total: 0 });
    try {
      const r = await gateway.notices({ ...p, dryRun: true, onProgress: (d, t) => setProgress({ phase: "find", done: d, total: t }) });
      if (r.kind === "confirm") return; // a dry run never asks
      setFound(r);
      setChecked(new Set(r.notices.map((n) => n.customer)));
      setChoices({ departments: r.departments, customers: r.customers });
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setProgress(null);
    }
  };

  const generate = async (replaceEdited = false) => {
    const p = gateway && found && params();
    if (!gateway || !found || !p) return;
    const chosen = found.notices.filter((n) => checked.has(n.customer)).map((n) => n.customer);
    if (chosen.length === 0) {
      setError(s.nothingChecked);
      return;
    }
    setError(null);
    setConfirm(null);
    setProgress({ phase: "write", done: 0, total: 0 });
    try {
      // The customers ticked, within the same filters the list was found with.
      // The rows the list was found with, not whatever is selected in Excel now.
      const rows = found.rows === null ? {} : { rows: found.rows, selectedRows: false };
      const r = await gateway.notices({ ...p, ...rows, customers: chosen, replaceEdited, onProgress: (d, t) => setProgress({ phase: "write", done: d, total: t }) });
      if (r.kind === "confirm") setConfirm(r.edited);
      else {
        setDone(r);
        setFound(null);
      }
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setProgress(null);
    }
  };

  const tone = (n: NoticeLine) =>
    n.approach === null ? null : (
      <Badge appearance="tint" color={TONE_COLOR[n.approach]} size="small">
        {s.tones[n.approach]}
      </Badge>
    );

  const busy = progress !== null;
  const progressText =
    progress === null ? "" : format(progress.phase === "find" ? s.finding : s.writing, { done: progress.done.toLocaleString(lang), total: progress.total.toLocaleString(lang) });
  const checkedCount = found ? found.notices.filter((n) => checked.has(n.customer)).length : 0;

  return (
    <Section title={s.title} intro={s.intro} testId="panel-notices">
      <Field label={s.kind}>
        <RadioGroup layout="vertical" value={kind} onChange={(_, d) => setKind(d.value as NoticeKind)} disabled={busy}>
          <Radio value="collection" label={s.kindCollection} data-testid="kind-collection" />
          <Radio value="confirmation" label={s.kindConfirmation} data-testid="kind-confirmation" />
        </RadioGroup>
      </Field>
      <Field label={s.date} hint={s.dateHint}>
        <Input type="date" value={date} onChange={(_, d) => setDate(d.value)} data-testid="notice-date" disabled={busy} />
      </Field>
      <Checkbox checked={selectedRows} onChange={(_, d) => setSelectedRows(d.checked === true)} label={s.selectedRows} data-testid="selected-rows" disabled={busy} />
      <Field label={s.classes}>
        <div className={styles.classes}>
          {AGING_CLASSES.map((c) => (
            <Checkbox
              key={c}
              label={all.agingClass[c]}
              checked={classes.includes(c)}
              onChange={(_, d) => setClasses((list) => (d.checked === true ? [...list, c] : list.filter((x) => x !== c)))}
              disabled={busy}
            />
          ))}
        </div>
      </Field>
      <div className={styles.row}>
        <Field label={s.departments} className={styles.grow}>
          <Dropdown
            multiselect
            placeholder={s.all}
            selectedOptions={departments}
            value={departments.join(", ")}
            onOptionSelect={(_, d) => setDepartments(d.selectedOptions)}
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
        <Field label={s.customers} className={styles.grow}>
          <Dropdown
            multiselect
            placeholder={s.all}
            selectedOptions={customers}
            value={customers.join(", ")}
            onOptionSelect={(_, d) => setCustomers(d.selectedOptions)}
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
      </div>
      <div className={styles.row}>
        <Button appearance={found ? "secondary" : "primary"} onClick={() => void find()} disabled={!gateway || busy} data-testid="find">
          {s.find}
        </Button>
        {found && found.notices.length > 0 && (
          <Button appearance="primary" onClick={() => void generate()} disabled={busy || checkedCount === 0} data-testid="generate">
            {format(s.generate, { n: checkedCount })}
          </Button>
        )}
      </div>

      {progress !== null && (
        <Field validationMessage={progressText} validationState="none">
          <ProgressBar value={progress.total > 0 ? progress.done / progress.total : undefined} />
        </Field>
      )}

      {error !== null && (
        <MessageBar intent="error" data-testid="notices-error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}

      {found && found.unfilled.length > 0 && found.notices.length > 0 && (
        <MessageBar intent="warning" data-testid="notices-unfilled">
          <MessageBarBody>{format(s.unfilled, { keys: found.unfilled.join(", "), sheet: found.policySheet ?? all.output.policySheet })}</MessageBarBody>
        </MessageBar>
      )}

      {found && (
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
            <Table size="extra-small" className={styles.table} aria-label={s.customers}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell className={styles.customerCol}>{s.customer}</TableHeaderCell>
                  <TableHeaderCell className={`${styles.num} ${styles.amountCol}`}>{kind === "collection" ? s.amount : s.balance}</TableHeaderCell>
                  {kind === "collection" && <TableHeaderCell>{s.tone}</TableHeaderCell>}
                </TableRow>
              </TableHeader>
              <TableBody>
                {found.notices.map((n) => (
                  <TableRow key={n.customer} data-testid="notice-row">
                    <TableCell>
                      <Checkbox
                        checked={checked.has(n.customer)}
                        onChange={(_, d) =>
                          setChecked((set) => {
                            const next = new Set(set);
                            if (d.checked === true) next.add(n.customer);
                            else next.delete(n.customer);
                            return next;
                          })
                        }
                        label={n.customer}
                      />
                    </TableCell>
                    <TableCell className={styles.num}>
                      {money(n.amount)}
                      {n.items !== null && (
                        <Text size={200} className={styles.muted} block>
                          {n.items === 1 ? s.itemOne : format(s.items, { n: n.items })}
                        </Text>
                      )}
                    </TableCell>
                    {kind === "collection" && (
                      <TableCell>
                        {tone(n)}
                        <Text size={200} className={styles.muted} block>
                          {format(s.probability, { p: n.probability === null ? s.notAssessed : percent(n.probability) })}
                        </Text>
                      </TableCell>
                    )}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
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
          <MessageBar intent="success">
            <MessageBarBody>
              {format(s.done, { n: done.notices.length })}
              {done.log !== null && done.log.rows.length > 0 && (
                <div data-testid="notices-logged">
                  {format(done.log.created ? s.logCreated : s.logged, { sheet: done.log.sheet, n: done.log.rows.length, rows: rowsText(done.log.rows) })}
                </div>
              )}
              {done.log !== null && done.log.alreadyLogged.length > 0 && <div>{format(s.alreadyLogged, { customers: done.log.alreadyLogged.join(", ") })}</div>}
            </MessageBarBody>
          </MessageBar>
          <ul className={styles.list}>
            {done.notices.map((n) => (
              <li key={n.sheet}>
                <Link as="button" data-testid="notice-link" onClick={() => void gateway?.showSheet(n.sheet).catch((e: unknown) => setError(errorText(e, lang)))}>
                  {n.sheet}
                </Link>
                <Text size={200} className={styles.muted}>{` · ${money(n.amount)}`}</Text> {tone(n)}
              </li>
            ))}
          </ul>
          <Skipped found={done} lang={lang} />
        </div>
      )}

      <ConfirmReplace lang={lang} sheets={confirm} onReplace={() => void generate(true)} onKeep={() => setConfirm(null)} />
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
