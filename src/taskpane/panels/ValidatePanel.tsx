import * as React from "react";
import { Field, Input } from "@fluentui/react-components";
import { fromYmd, lastDayOfPreviousMonth, toYmd } from "../../core/calendar";
import { stringsFor, type Lang } from "../../i18n";
import { Section } from "./Section";

function isoOf(day: number): string {
  const { y, m, d } = toYmd(day);
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** The surface reads the clock once, for the default; the engine itself never does. */
export function defaultAsOf(now: Date): string {
  const today = fromYmd(now.getFullYear(), now.getMonth() + 1, now.getDate());
  return isoOf(lastDayOfPreviousMonth(today));
}

export function ValidatePanel({ lang }: { lang: Lang }): React.JSX.Element {
  const s = stringsFor(lang).validate;
  const [asOf, setAsOf] = React.useState(() => defaultAsOf(new Date()));
  return (
    <Section title={s.title} intro={s.intro} testId="panel-validate">
      <Field label={s.asOf} hint={s.asOfHint}>
        <Input type="date" value={asOf} onChange={(_, data) => setAsOf(data.value)} data-testid="as-of" />
      </Field>
    </Section>
  );
}
