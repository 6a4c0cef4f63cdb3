import * as React from "react";
import { Field, Input } from "@fluentui/react-components";
import { format, stringsFor, type Lang } from "../../i18n";
import { formatDisplayDate, isoToDisplay, parseDisplayDate, toIso } from "../dates";

/**
 * A date typed and shown in the display language's short-date order (2011/8/31 or 8/31/2011),
 * never the browser's own date control (whose order follows the browser, not Office). The value
 * is ISO text, "" while what is typed is not a date; the hint and the error give the same example.
 */
export function DateField(props: {
  lang: Lang;
  label: string;
  hint: string;
  value: string;
  onChange: (iso: string) => void;
  disabled?: boolean;
  testId: string;
  className?: string;
}): React.JSX.Element {
  const { lang } = props;
  const s = stringsFor(lang).dates;
  const [text, setText] = React.useState(() => isoToDisplay(props.value, lang));
  // The text as last rendered, read (not watched) by the effect below: typing is not an outside change.
  const textNow = React.useRef(text);
  // Kept current after each commit (not during render, which React may discard); runs before the effect below.
  React.useLayoutEffect(() => {
    textNow.current = text;
  });
  // Another tab (or the workbook's saved date) changed the date: show it, unless it is what is typed.
  React.useEffect(() => {
    const typed = parseDisplayDate(textNow.current, lang);
    if (props.value === "" ? typed !== null : typed === null || toIso(typed) !== props.value) setText(isoToDisplay(props.value, lang));
  }, [props.value, lang]);
  const typed = parseDisplayDate(text, lang);
  const example = formatDisplayDate(parseDisplayDate("2011-08-31", lang)!, lang);
  const invalid = text.trim() !== "" && typed === null;
  return (
    <Field
      label={props.label}
      hint={`${props.hint}${lang === "zh-CN" ? "" : " "}${format(s.format, { example })}`}
      className={props.className}
      {...(invalid ? { validationState: "error" as const, validationMessage: format(s.invalid, { example }) } : {})}
    >
      <Input
        value={text}
        inputMode="numeric"
        autoComplete="off"
        placeholder={example}
        onChange={(_, d) => {
          setText(d.value);
          const day = parseDisplayDate(d.value, lang);
          props.onChange(day === null ? "" : toIso(day));
        }}
        onBlur={() => typed !== null && setText(formatDisplayDate(typed, lang))}
        data-testid={props.testId}
        disabled={props.disabled}
      />
    </Field>
  );
}
