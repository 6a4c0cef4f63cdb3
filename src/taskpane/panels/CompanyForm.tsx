/**
 * 单位信息: the setup form for the company's own details every letter prints. One column (it
 * must fit a 320 px pane), each field labelled in words with what to type under it, checked as
 * typed, and saved in the workbook (the gateway's saveCompany).
 */
import * as React from "react";
import { Button, Field, Input, MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import { COMPANY_FIELDS, type CompanyField, type CompanyInfo, companyFormProblems } from "../../core/notices/company";
import { stringsFor, type Lang } from "../../i18n";
import { errorText } from "./ui";
import { usePane } from "../shared";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  actions: { display: "flex", columnGap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
});

export interface CompanyFormHandle {
  /** Moves focus to a field (the first one a letter still needs). */
  focusField(field: CompanyField): void;
}

export const CompanyForm = React.forwardRef<
  CompanyFormHandle,
  { lang: Lang; value: CompanyInfo; onSave?: (info: CompanyInfo) => Promise<void>; onSaved: (info: CompanyInfo) => void; disabled?: boolean }
>(function CompanyForm(props, ref) {
  const { lang } = props;
  const styles = useStyles();
  const s = stringsFor(lang).company;
  const { announce } = usePane();
  const [draft, setDraft] = React.useState<CompanyInfo>(props.value);
  const [message, setMessage] = React.useState<{ intent: "success" | "error"; text: string } | null>(null);
  const [busy, setBusy] = React.useState(false);
  const inputs = React.useRef(new Map<CompanyField, HTMLInputElement>());
  React.useEffect(() => setDraft(props.value), [props.value]);
  React.useImperativeHandle(ref, () => ({ focusField: (f) => inputs.current.get(f)?.focus() }), []);

  const problems = new Map(companyFormProblems(draft).map((p) => [p.field, p.message[lang]]));
  const changed = JSON.stringify(draft) !== JSON.stringify(props.value);

  const save = async () => {
    if (!props.onSave) return;
    if (problems.size > 0) {
      const first = COMPANY_FIELDS.find((d) => problems.has(d.field))!.field;
      setMessage({ intent: "error", text: s.fixFirst });
      announce(s.fixFirst);
      inputs.current.get(first)?.focus();
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      await props.onSave(draft);
      props.onSaved(draft);
      setMessage({ intent: "success", text: s.saved });
      announce(s.saved);
    } catch (e) {
      const text = errorText(e, lang);
      setMessage({ intent: "error", text });
      announce(text);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.form} data-testid="company-form">
      {COMPANY_FIELDS.map((d) => (
        <Field
          key={d.field}
          label={d.label[lang]}
          hint={d.hint[lang]}
          {...(problems.has(d.field) ? { validationState: "error" as const, validationMessage: problems.get(d.field) } : {})}
        >
          <Input
            value={draft[d.field]}
            onChange={(_, v) => setDraft((o) => ({ ...o, [d.field]: v.value }))}
            ref={(el) => {
              if (el) inputs.current.set(d.field, el);
              else inputs.current.delete(d.field);
            }}
            data-testid={`company-${d.field}`}
            disabled={busy || props.disabled}
          />
        </Field>
      ))}
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => void save()} disabled={!props.onSave || busy || props.disabled || !changed} data-testid="company-save">
          {s.save}
        </Button>
      </div>
      {message && (
        <MessageBar intent={message.intent} data-testid="company-message">
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
});
