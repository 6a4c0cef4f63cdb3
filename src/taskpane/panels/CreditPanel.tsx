import * as React from "react";
import { stringsFor, type Lang } from "../../i18n";
import { Section } from "./Section";

export function CreditPanel({ lang }: { lang: Lang }): React.JSX.Element {
  const s = stringsFor(lang).credit;
  return <Section title={s.title} intro={s.intro} testId="panel-credit" />;
}
