import * as React from "react";
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from "@fluentui/react-components";
import { classLimits } from "../../core/aging";
import { Dec } from "../../core/money";
import { DEFAULT_POLICY, type Policy } from "../../core/policy";
import { format, stringsFor, type Lang } from "../../i18n";
import { Section } from "./Section";
import { PolicyForm, type PolicySaveResult } from "./PolicyForm";

/** A policy rate ("0.05", exact decimal text) as a percentage ("5%"), in decimal arithmetic. */
function percent(rate: string): string {
  return `${new Dec(rate).times(100).toFixed()}%`;
}

export function PolicyPanel({
  lang,
  load,
  save,
}: {
  lang: Lang;
  load?: () => Promise<{ policy: Policy; sheet: string | null }>;
  save?: (edits: Map<string, string>) => Promise<PolicySaveResult>;
}): React.JSX.Element {
  const strings = stringsFor(lang);
  const s = strings.policy;
  const [state, setState] = React.useState<{ policy: Policy; sheet: string | null; error?: string }>({ policy: DEFAULT_POLICY, sheet: null });
  React.useEffect(() => {
    if (!load) return;
    load().then(
      (r) => setState(r),
      (e: unknown) => {
        const text = e && typeof e === "object" && "text" in e ? (e as { text: Record<Lang, string> }).text[lang] : String(e);
        setState({ policy: DEFAULT_POLICY, sheet: null, error: text });
      }
    );
  }, [load, lang]);
  const policy = state.policy;
  const t = classLimits(policy.agingClass);
  const classes: [string, string][] = [
    [strings.agingClass.normal, format(s.upTo, { days: t.normal })],
    [strings.agingClass.overdue, format(s.range, { from: t.normal + 1, to: t.overdue })],
    [strings.agingClass.stale, format(s.range, { from: t.overdue + 1, to: t.stale })],
    [strings.agingClass.bad, format(s.above, { days: t.stale })],
  ];
  const rateOf = new Map(policy.provision.rates.map((r) => [r.bandKey, r.rate]));
  return (
    <Section title={s.title} intro={s.intro} testId="panel-policy">
      <Text size={200} data-testid="policy-source">
        {state.sheet ? format(s.fromSheet, { sheet: state.sheet }) : s.fromDefaults}
      </Text>
      {state.error && <Text size={200}>{state.error}</Text>}
      <Text weight="semibold">{s.classes}</Text>
      <Table size="small" aria-label={s.classes}>
        <TableBody>
          {classes.map(([name, rule]) => (
            <TableRow key={name}>
              <TableCell>{name}</TableCell>
              <TableCell>{rule}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Text weight="semibold">{s.method}</Text>
      <Text>{s.methods[policy.provision.method]}</Text>
      <Table size="small" aria-label={s.bands}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{s.band}</TableHeaderCell>
            <TableHeaderCell>{s.rate}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {policy.provision.bands.map((band) => (
            <TableRow key={band.key}>
              <TableCell>{band.label[lang]}</TableCell>
              <TableCell>{percent(rateOf.get(band.key) ?? "0")}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <PolicyForm
        lang={lang}
        policy={policy}
        sheet={state.sheet}
        {...(save ? { onSave: save } : {})}
        onSaved={(r) => setState({ policy: r.policy, sheet: r.sheet })}
      />
    </Section>
  );
}
