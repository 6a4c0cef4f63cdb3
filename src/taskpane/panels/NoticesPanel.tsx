import * as React from "react";
import { stringsFor, type Lang } from "../../i18n";
import { Section } from "./Section";

export function NoticesPanel({ lang }: { lang: Lang }): React.JSX.Element {
  const s = stringsFor(lang).notices;
  return <Section title={s.title} intro={s.intro} testId="panel-notices" />;
}
