/**
 * The Policy tab's form: the figures a company sets, grouped as the policy is, each labelled in
 * words with its article and what kind of figure it is beside it (core/policy/notes: policy text,
 * a boundary reading, a stated choice, a product default, to be set), checked as typed by the
 * policy's own reading (core/policy/form), and saved into the policy sheet (excel/policy-edit).
 * One column, so it fits a 320 px pane.
 */
import * as React from "react";
import { Button, Field, Input, MessageBar, MessageBarBody, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { checkPolicyEdits, policyFormGroups, policyValues, shownValue, type PolicyFormField } from "../../core/policy/form";
import { noteKindLabel } from "../../core/policy/notes";
import { DEFAULT_POLICY, type Policy } from "../../core/policy";
import { format, stringsFor, type Lang } from "../../i18n";
import { errorText } from "./ui";
import { usePane } from "../shared";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  group: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, border: "none", margin: 0, padding: 0, minWidth: 0 },
  legend: { fontWeight: tokens.fontWeightSemibold, paddingTop: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalXS },
  // A native list is as wide as its longest option unless held to the column.
  select: { maxWidth: "100%", minWidth: 0, "& select": { minWidth: 0, maxWidth: "100%" } },
  actions: { display: "flex", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, alignItems: "center", flexWrap: "wrap" },
});

export interface PolicySaveResult {
  policy: Policy;
  sheet: string;
  written: string[];
  added: string[];
  created: boolean;
}

type FormStrings = ReturnType<typeof stringsFor>["policy"]["form"];

/** A field's label in words: the rate's band, the tier's number and approach, else the key's own label. */
function labelOf(f: PolicyFormField, policy: Policy, lang: Lang, s: FormStrings): string {
  const fields = s.fields as Record<string, string>;
  const rate = /^provision\.rates\.(.+)$/.exec(f.key);
  if (rate) {
    const band = policy.provision.bands.find((b) => b.key === rate[1]);
    return format(s.fields["provision.rate"], { band: band?.label[lang] ?? rate[1] });
  }
  const tier = /^collectionTiers\.(\d+)\.(minProbability|atMinProbability)$/.exec(f.key);
  if (tier) {
    const t = policy.collectionTiers[Number(tier[1]) - 1];
    const approach = t === undefined ? "" : (s.approaches as Record<string, string>)[t.approach] ?? t.approach;
    return tier[2] === "minProbability" ? format(s.fields["collectionTiers.minProbability"], { n: tier[1], approach }) : s.fields["collectionTiers.atMinProbability"];
  }
  return fields[f.key] ?? f.key;
}

function optionLabel(f: PolicyFormField, value: string, lang: Lang, s: FormStrings): string {
  // The method's name only (the long description would widen the list past a narrow pane).
  if (f.key === "provision.method") return (stringsFor(lang).policy.methods[value as Policy["provision"]["method"]] ?? value).split(/[：:]/)[0];
  return (s.options as Record<string, string>)[value] ?? value;
}

export function PolicyForm(props: { lang: Lang; policy: Policy; sheet: string | null; onSave?: (edits: Map<string, string>) => Promise<PolicySaveResult>; onSaved: (r: PolicySaveResult) => void }): React.JSX.Element {
  const { lang, policy } = props;
  const styles = useStyles();
  const s = stringsFor(lang).policy.form;
  const { announce } = usePane();
  const groups = React.useMemo(() => policyFormGroups(policy), [policy]);
  const fields = React.useMemo(() => groups.flatMap((g) => g.fields), [groups]);
  const stored = React.useMemo(() => policyValues(policy), [policy]);
  const defaults = React.useMemo(() => policyValues(DEFAULT_POLICY), []);
  const [edits, setEdits] = React.useState<Map<string, string>>(new Map());
  const [message, setMessage] = React.useState<{ intent: "success" | "error"; text: string } | null>(null);
  const [busy, setBusy] = React.useState(false);
  const inputs = React.useRef(new Map<string, HTMLInputElement | HTMLSelectElement>());
  React.useEffect(() => setEdits(new Map()), [policy]);

  const shown = (f: PolicyFormField): string => edits.get(f.key) ?? shownValue(f, stored.get(f.key) ?? "");
  // Only what differs from the sheet counts as an edit (typing a value back is no change).
  const changed = new Map([...edits].filter(([k, v]) => {
    const f = fields.find((x) => x.key === k);
    return f !== undefined && v.trim() !== shownValue(f, stored.get(k) ?? "");
  }));
  const check = React.useMemo(() => (changed.size > 0 ? checkPolicyEdits(policy, changed, fields) : null), [policy, fields, [...changed].join("\u0001")]); // eslint-disable-line react-hooks/exhaustive-deps

  const edit = (key: string, value: string) => {
    setMessage(null);
    setEdits((old) => new Map(old).set(key, value));
  };

  const save = async () => {
    if (!props.onSave || check === null) return;
    if (check.policy === null) {
      const first = fields.find((f) => check.problems.has(f.key));
      setMessage({ intent: "error", text: s.fixFirst });
      announce(s.fixFirst);
      if (first) inputs.current.get(first.key)?.focus();
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      const r = await props.onSave(changed);
      const text = format(r.created ? s.savedNew : s.saved, { sheet: r.sheet, n: r.written.length + r.added.length });
      props.onSaved(r);
      setMessage({ intent: "success", text });
      announce(text);
    } catch (e) {
      const text = errorText(e, lang);
      setMessage({ intent: "error", text });
      announce(text);
    } finally {
      setBusy(false);
    }
  };

  const hint = (f: PolicyFormField): string => {
    const parts: string[] = [];
    if (f.note !== null) {
      if (f.note.article !== "") parts.push(f.note.article);
      parts.push(noteKindLabel(f.note.kind, lang));
    }
    const def = defaults.get(f.key);
    if (def !== undefined && def !== (stored.get(f.key) ?? "")) {
      const value = def === "" ? s.blank : f.input === "choice" ? optionLabel(f, def, lang, s) : f.input === "percent" ? `${shownValue(f, def)}%` : shownValue(f, def);
      parts.push(format(s.defaultWas, { value }));
    }
    return parts.join(" · ");
  };

  return (
    <div className={styles.form} data-testid="policy-form">
      <Text weight="semibold">{s.title}</Text>
      <Text size={200}>{s.intro}</Text>
      {groups.map((g) => (
        <fieldset key={g.id} className={styles.group} data-testid={`policy-group-${g.id}`}>
          <legend className={styles.legend}>{(s.groups as Record<string, string>)[g.id]}</legend>
          {g.fields.map((f) => {
            const problem = check?.problems.get(f.key);
            const label = labelOf(f, policy, lang, s);
            const ref = (el: HTMLInputElement | HTMLSelectElement | null) => {
              if (el) inputs.current.set(f.key, el);
              else inputs.current.delete(f.key);
            };
            return (
              <Field key={f.key} label={label} hint={hint(f)} {...(problem ? { validationState: "error" as const, validationMessage: problem[lang] } : {})}>
                {f.input === "choice" ? (
                  <Select className={styles.select} value={shown(f)} onChange={(_, d) => edit(f.key, d.value)} ref={ref} disabled={busy} data-key={f.key}>
                    {(f.options ?? []).map((o) => (
                      <option key={o} value={o}>
                        {optionLabel(f, o, lang, s)}
                      </option>
                    ))}
                  </Select>
                ) : (
                  <Input
                    value={shown(f)}
                    onChange={(_, d) => edit(f.key, d.value)}
                    ref={ref}
                    disabled={busy}
                    {...(f.input === "text" ? {} : { inputMode: "decimal" as const })}
                    data-key={f.key}
                    {...(f.input === "percent" ? { contentAfter: <Text size={200}>%</Text> } : {})}
                  />
                )}
              </Field>
            );
          })}
        </fieldset>
      ))}
      <Text size={200}>{s.inSheet}</Text>
      {check !== null && check.other.length > 0 && (
        <MessageBar intent="error">
          <MessageBarBody>
            {s.otherProblems} {check.other.map((o) => o[lang]).join(lang === "zh-CN" ? "；" : "; ")}
          </MessageBarBody>
        </MessageBar>
      )}
      {message && (
        <MessageBar intent={message.intent} data-testid="policy-form-message">
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => void save()} disabled={busy || changed.size === 0 || !props.onSave}>
          {s.save}
        </Button>
        <Button onClick={() => { setEdits(new Map()); setMessage(null); }} disabled={busy || edits.size === 0}>
          {s.reset}
        </Button>
      </div>
    </div>
  );
}
