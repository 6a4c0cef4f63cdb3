/**
 * The supplier reference letters of the Credit tab (POLICY §5.2): make a letter to one of the
 * customer's other suppliers, then enter its replies, see the score, and save the replies into the
 * letter's reply cells.
 */
import * as React from "react";
import { Button, Dropdown, Field, Input, MessageBar, MessageBarBody, Option, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { scoreSupplierReplies } from "../../core/credit-forms/supplier-letter";
import { parseDate } from "../../core/dates";
import type { Policy } from "../../core/policy/types";
import { format, stringsFor, type Lang } from "../../i18n";
import { Section } from "../panels/Section";
import { errorText, todayIso } from "../panels/ui";
import type { ValidateGateway } from "../validate/gateway";

const useStyles = makeStyles({
  row: { display: "flex", columnGap: tokens.spacingHorizontalS, alignItems: "end", flexWrap: "wrap" },
  grow: { flexGrow: 1, minWidth: "120px" },
  question: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
});

export function SupplierLetters(props: {
  lang: Lang;
  policy: Policy;
  customer: string;
  address: string;
  letters: string[];
  onMade: () => void;
  gateway?: ValidateGateway;
}): React.JSX.Element {
  const { lang, policy, gateway } = props;
  const styles = useStyles();
  const s = stringsFor(lang).credit;
  const [supplier, setSupplier] = React.useState("");
  const [letter, setLetter] = React.useState<string | null>(null);
  const [replies, setReplies] = React.useState<(number | null)[] | null>(null);
  const [busy, setBusy] = React.useState(false);
  const [message, setMessage] = React.useState<{ intent: "success" | "warning" | "error"; text: string; details?: string[] } | null>(null);
  const questions = policy.credit.supplierLetter;

  const act = async (fn: () => Promise<void>) => {
    if (!gateway) return;
    setBusy(true);
    setMessage(null);
    try {
      await fn();
    } catch (e) {
      setMessage({ intent: "error", text: errorText(e, lang) });
    } finally {
      setBusy(false);
    }
  };

  const make = () =>
    act(async () => {
      const r = await gateway!.makeSupplierLetter({
        customer: props.customer,
        customerAddress: props.address,
        supplier,
        date: parseDate(todayIso(new Date())) as number,
        lang,
      });
      setLetter(r.sheet);
      setReplies(questions.map(() => null));
      setMessage({ intent: "success", text: format(s.letterMade, { sheet: r.sheet }) });
      props.onMade();
    });

  const load = (sheet: string) =>
    act(async () => {
      const r = await gateway!.loadSupplierLetter(sheet);
      setLetter(sheet);
      setReplies(r.replies);
      if (r.problems.length > 0) setMessage({ intent: "warning", text: format(s.problemsOnSheet, { sheet }), details: r.problems.map((p) => `${p.cell}: ${p.message[lang]}`) });
    });

  const save = () =>
    act(async () => {
      if (letter === null || replies === null) return;
      await gateway!.saveSupplierReplies({ sheet: letter, replies });
      setMessage({ intent: "success", text: format(s.repliesSaved, { sheet: letter }) });
    });

  const scored = replies === null ? null : scoreSupplierReplies(replies, policy);

  return (
    <Section title={s.supplierTitle} intro={s.supplierIntro} testId="supplier-letters">
      <div className={styles.row}>
        <Field label={s.supplierName} className={styles.grow}>
          <Input size="small" value={supplier} onChange={(_, d) => setSupplier(d.value)} data-testid="supplier-name" disabled={busy} />
        </Field>
        <Button onClick={() => void make()} disabled={!gateway || busy || supplier.trim() === "" || props.customer.trim() === ""} data-testid="make-letter">
          {s.makeLetter}
        </Button>
      </div>
      <Field label={s.letters}>
        <Dropdown
          value={letter ?? ""}
          selectedOptions={letter ? [letter] : []}
          onOptionSelect={(_, d) => d.optionValue && void load(d.optionValue)}
          disabled={!gateway || busy || props.letters.length === 0}
          data-testid="letter-picker"
        >
          {props.letters.map((l) => (
            <Option key={l} value={l}>
              {l}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {message && (
        <MessageBar intent={message.intent}>
          <MessageBarBody>
            {message.text}
            {message.details && (
              <ul style={{ margin: 0, paddingLeft: tokens.spacingHorizontalL }}>
                {message.details.map((d, i) => (
                  <li key={i}>{d}</li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {replies !== null && letter !== null && (
        <>
          <Text weight="semibold">{s.replies}</Text>
          {questions.map((q, i) => (
            <div key={q.no} className={styles.question}>
              <Text size={200}>{`${q.no}. ${q.question[lang]}`}</Text>
              <Select
                size="small"
                aria-label={q.question[lang]}
                value={replies[i] === null || replies[i] === undefined ? "" : String(replies[i])}
                onChange={(_, d) => setReplies((r) => (r ?? []).map((v, k) => (k === i ? (d.value === "" ? null : Number(d.value)) : v)))}
                data-testid={`reply-${q.no}`}
                disabled={busy}
              >
                <option value="">{s.noAnswer}</option>
                {q.options.map((o, k) => (
                  <option key={k} value={String(k + 1)}>{`${k + 1} ${o.label[lang]}`}</option>
                ))}
              </Select>
            </div>
          ))}
          <Text weight="semibold" data-testid="supplier-score">
            {scored === null || scored.score === null ? format(s.supplierUnanswered, { items: scored?.unanswered.join(", ") ?? "" }) : format(s.supplierScore, { score: scored.score })}
          </Text>
          <Button onClick={() => void save()} disabled={!gateway || busy} data-testid="save-replies">
            {s.saveReplies}
          </Button>
        </>
      )}
    </Section>
  );
}
